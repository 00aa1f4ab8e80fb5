import { createToken, Lexer, type IToken, type TokenType } from './chevrotain.js';

/*
 * Tokens of the Sigma condition language.
 *
 * Operators are matched case-insensitively so that `AND` or `Of` is still read as the operator it was meant to be;
 * the parser reports those as `condition/uppercase-operator` instead of tripping over an unknown identifier.
 * Every keyword has `longer_alt: Word`, which gives word boundaries: `notable`, `andfilter` and `or_x` are words,
 * not an operator glued to a word (pySigma splits them).
 *
 * A word is any run of characters other than whitespace, parentheses and `|`. Which characters a search identifier
 * may really contain is checked after parsing, so that `sel.x` gives one clear error instead of a cascade.
 */

/**
 * Every UTF-16 code unit except JavaScript's `\s`, `(`, `)` and `|`, written as ranges rather than `[^\s()|]`:
 * chevrotain cannot analyse a complement set, and its first-character optimisation halves the lexing time.
 */
const WORD =
  /[\x00-\x08\x0e-\x1f!-'*-{}-\x9f\xa1-\u167f\u1681-\u1fff\u200b-\u2027\u202a-\u202e\u2030-\u205e\u2060-\u2fff\u3001-\ufefe\uff00-\uffff]+/;

export const Word = createToken({ name: 'Word', pattern: WORD, label: 'an identifier' });

/** Tokens that introduce a selector (`1 of`, `any of`, `all of`). */
export const Quantifier = createToken({ name: 'Quantifier', pattern: Lexer.NA, label: '`1`, `any` or `all`' });
/** Every operator word; used to find the ones written in uppercase. */
export const Keyword = createToken({ name: 'Keyword', pattern: Lexer.NA });

function keyword(name: string, word: string, categories: TokenType[] = []): TokenType {
  return createToken({
    name,
    pattern: new RegExp(word, 'i'),
    longer_alt: Word,
    categories: [Keyword, ...categories],
    label: `\`${word}\``,
  });
}

export const And = keyword('And', 'and');
export const Or = keyword('Or', 'or');
export const Not = keyword('Not', 'not');
export const Of = keyword('Of', 'of');
export const Them = keyword('Them', 'them');
export const One = keyword('One', '1', [Quantifier]);
export const Any = keyword('Any', 'any', [Quantifier]);
export const All = keyword('All', 'all', [Quantifier]);

export const LParen = createToken({ name: 'LParen', pattern: '(', label: '`(`' });
export const RParen = createToken({ name: 'RParen', pattern: ')', label: '`)`' });
/**
 * Sigma 1 aggregations and `near` follow a pipe (`selection | count() by host > 5`). Sigma 2 removed them; the
 * whole tail is one token, analysed apart from the grammar so that it can be reported with its replacement.
 */
export const PipeTail = createToken({ name: 'PipeTail', pattern: /\|(?!\|)[^]*/, label: '`|`' });
/** `&&` and `||` from other query languages: reported with the Sigma word, then read as `and`/`or`. */
export const ForeignOperator = createToken({ name: 'ForeignOperator', pattern: /&&|\|\|/, label: '`&&` or `||`' });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED });

/** Order matters: keywords before `Word`, which is their `longer_alt`. */
export const allTokens: TokenType[] = [
  WhiteSpace,
  LParen,
  RParen,
  ForeignOperator,
  PipeTail,
  And,
  Or,
  Not,
  Of,
  Them,
  One,
  Any,
  All,
  Word,
  Quantifier,
  Keyword,
];

const conditionLexer = new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true });

/** Splits a condition into tokens. Every character belongs to some token, so lexing cannot fail. */
export function tokenize(text: string): IToken[] {
  const { tokens, errors } = conditionLexer.tokenize(text);
  if (errors.length > 0) throw new Error(`condition lexer: no token for ${JSON.stringify(text.slice(errors[0].offset, errors[0].offset + 1))}`);
  return tokens;
}

/** End offset (exclusive) of a token; chevrotain's `endOffset` is inclusive. */
export function tokenEnd(token: IToken): number {
  return token.startOffset + token.image.length;
}
