import { tokenMatcher, type IToken } from './chevrotain.js';
import type { ConditionError } from './errors.js';
import { And, ForeignOperator, Keyword, LParen, Not, Of, One, Or, Quantifier, RParen, Them, tokenEnd, Word } from './lexer.js';

/*
 * Checks and rewrites on the token vector, before the grammar runs: nesting limits, operator words used as names,
 * counted selectors (`2 of`), `&&`/`||`, and operators in uppercase.
 */

export function tokenRange(found: IToken): { offset: number; endOffset: number } {
  return { offset: found.startOffset, endOffset: tokenEnd(found) };
}

/** Deeper than any real condition, and far from the depth at which the recursive descent would exhaust the stack. */
export const MAX_PARENTHESES = 32;
export const MAX_NOT_IN_A_ROW = 16;

export function nestingError(tokens: IToken[]): ConditionError | undefined {
  let depth = 0;
  let nots = 0;
  for (const found of tokens) {
    if (tokenMatcher(found, LParen)) depth++;
    else if (tokenMatcher(found, RParen)) depth = Math.max(0, depth - 1);
    nots = tokenMatcher(found, Not) ? nots + 1 : 0;
    if (depth > MAX_PARENTHESES) {
      return { id: 'condition/syntax', message: `the condition nests parentheses more than ${MAX_PARENTHESES} deep`, ...tokenRange(found) };
    }
    if (nots > MAX_NOT_IN_A_ROW) {
      return { id: 'condition/syntax', message: `the condition has more than ${MAX_NOT_IN_A_ROW} \`not\` in a row`, ...tokenRange(found) };
    }
  }
  return undefined;
}

/**
 * Operator words that cannot be operators where they stand are search identifiers when the detection defines
 * such a name: a search called `Any` or `all` stays usable. Uppercase operator words are identifiers when a
 * search has exactly that name; lowercase ones only where the grammar has no use for them.
 */
export function readContextualKeywords(tokens: IToken[], searchNames: string[]): void {
  tokens.forEach((found, index) => {
    if (!tokenMatcher(found, Keyword) || !searchNames.includes(found.image)) return;
    const lowercase = found.image === found.image.toLowerCase();
    const next = tokens[index + 1];
    const previous = tokens[index - 1];
    const unusable =
      !lowercase ||
      (tokenMatcher(found, Quantifier) && !(next && tokenMatcher(next, Of))) ||
      (tokenMatcher(found, Them) && !(previous && tokenMatcher(previous, Of)));
    if (unusable) {
      found.tokenType = Word;
      found.tokenTypeIdx = Word.tokenTypeIdx!;
    }
  });
}

/**
 * `2 of selection_*` is not Sigma (a selector is `1 of`, `any of` or `all of`). The count is reported once and read
 * as `1` so that the rest of the condition is still checked.
 */
export function numberedSelectors(tokens: IToken[]): ConditionError[] {
  const errors: ConditionError[] = [];
  tokens.forEach((found, index) => {
    const next = tokens[index + 1];
    if (!tokenMatcher(found, Word) || !/^\d+$/.test(found.image) || !next || !tokenMatcher(next, Of)) return;
    errors.push({
      id: 'condition/syntax',
      message: `a selector starts with \`1\`, \`any\` or \`all\`, not \`${found.image}\``,
      ...tokenRange(found),
      hint: 'Sigma has no counted selectors: `1 of` needs one of the searches to match, `all of` needs all of them',
    });
    found.tokenType = One;
    found.tokenTypeIdx = One.tokenTypeIdx!;
  });
  return errors;
}

/** `a && b`, `a || b`: reported with the Sigma operator as the fix, and read as that operator. */
export function foreignOperators(tokens: IToken[]): ConditionError[] {
  const errors: ConditionError[] = [];
  for (const found of tokens) {
    if (!tokenMatcher(found, ForeignOperator)) continue;
    const word = found.image === '&&' ? 'and' : 'or';
    errors.push({
      id: 'condition/syntax',
      message: `\`${found.image}\` is not a Sigma operator`,
      ...tokenRange(found),
      hint: `write \`${word}\``,
      replacement: word,
    });
    const type = word === 'and' ? And : Or;
    found.tokenType = type;
    found.tokenTypeIdx = type.tokenTypeIdx!;
  }
  return errors;
}

export function uppercaseOperators(tokens: IToken[]): ConditionError[] {
  return tokens
    .filter((found) => tokenMatcher(found, Keyword) && found.image !== found.image.toLowerCase())
    .map((found) => ({
      id: 'condition/uppercase-operator' as const,
      message: `the operator \`${found.image}\` must be written in lowercase`,
      ...tokenRange(found),
      hint: `write \`${found.image.toLowerCase()}\`: Sigma operators are lowercase only, and pySigma rejects \`${found.image}\``,
      replacement: found.image.toLowerCase(),
    }));
}
