import { NotAllInputParsedException, tokenMatcher, type CstNode, type IRecognitionException, type IToken } from './chevrotain.js';
import { SourceFile } from '../core/source.js';
import type { ConditionExpression } from './ast.js';
import { buildExpression, type BuildContext } from './build-ast.js';
import { deprecatedNearError, deprecatedTailError } from './deprecated.js';
import { compareConditionErrors, type ConditionError } from './errors.js';
import { parseTokens } from './grammar.js';
import { PATTERN } from './selectors.js';
import { Keyword, LParen, Not, Of, One, PipeTail, Quantifier, RParen, Them, tokenEnd, tokenize, Word } from './lexer.js';

export type { ConditionError, ConditionErrorId } from './errors.js';

export interface ConditionParseResult {
  /**
   * The expression, present unless a `condition/syntax` or `condition/empty` error was reported: undefined
   * identifiers, empty selectors, uppercase operators and a deprecated `| …` tail leave it in place (the expression
   * is then the part before `|`). A condition is valid only when `errors` is empty.
   * Spans are positions inside the condition text; `locate.ts` turns them into file positions.
   */
  expression?: ConditionExpression;
  errors: ConditionError[];
}

/** Parses one condition string against the search identifiers its detection defines. */
export function parseCondition(text: string, searchNames: string[]): ConditionParseResult {
  if (text.trim() === '') {
    return { errors: [{ id: 'condition/empty', message: 'the condition is empty', offset: 0, endOffset: text.length }] };
  }
  const errors: ConditionError[] = [];
  const tokens = tokenize(text);
  const last = tokens[tokens.length - 1];
  if (last && tokenMatcher(last, PipeTail)) {
    tokens.pop();
    errors.push(deprecatedTailError(last));
    if (tokens.length === 0) {
      errors.push({
        id: 'condition/empty',
        message: 'the condition has no search before `|`',
        offset: last.startOffset,
        endOffset: last.startOffset,
      });
      return { errors };
    }
  }
  const tooDeep = nestingError(tokens);
  if (tooDeep) return { errors: [...errors, tooDeep] };
  readContextualKeywords(tokens, searchNames);
  errors.push(...numberedSelectors(tokens));
  errors.push(...uppercaseOperators(tokens));

  const localFile = new SourceFile('', '', text);
  const context: BuildContext = { searchNames, span: (offset, end) => localFile.span(offset, end), errors };
  const { roots, syntaxErrors } = parseFragments(tokens);
  errors.push(...syntaxErrors);
  const expressions = roots.map((root) => buildExpression(root, context));
  const understood = !errors.some((error) => error.id === 'condition/syntax' || error.id === 'condition/empty');
  return { expression: understood ? expressions[0] : undefined, errors: dedupe(errors.sort(compareConditionErrors)) };
}

/** Deeper than any real condition, and far from the depth at which the recursive descent would exhaust the stack. */
export const MAX_PARENTHESES = 32;
export const MAX_NOT_IN_A_ROW = 16;

function nestingError(tokens: IToken[]): ConditionError | undefined {
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

/** Recovery restarts at most this often: each restart copies the rest of the tokens, and a few errors suffice. */
const MAX_FRAGMENTS = 20;

/**
 * Parses the tokens; when something is left over (`sel filter`), reports it and parses the rest on its own, so that
 * the rest of the condition is still checked (up to MAX_FRAGMENTS times). Returns the CST of every fragment and all
 * syntax errors.
 */
function parseFragments(tokens: IToken[]): { roots: CstNode[]; syntaxErrors: ConditionError[] } {
  const roots: CstNode[] = [];
  const syntaxErrors: ConditionError[] = [];
  let start = 0;
  for (let fragment = 0; start < tokens.length && fragment < MAX_FRAGMENTS; fragment++) {
    const { cst, errors } = parseTokens(tokens.slice(start));
    roots.push(cst);
    let leftover: IToken | undefined;
    for (const error of errors) {
      if (error instanceof NotAllInputParsedException) leftover = error.token;
      syntaxErrors.push(syntaxError(error, tokens));
    }
    if (!leftover) break;
    if (isWord(leftover, 'near')) break; // Sigma 1 `near` clause: the rest belongs to it.
    start = tokens.indexOf(leftover, start);
    if (start < 0) break;
    if (!canStartOperand(leftover)) {
      start++;
      for (; start < tokens.length && !canStartOperand(tokens[start]); start++) {
        syntaxErrors.push({ id: 'condition/syntax', message: strayMessage(tokens[start]), ...tokenRange(tokens[start]) });
      }
    }
  }
  return { roots, syntaxErrors };
}

function syntaxError(error: IRecognitionException, tokens: IToken[]): ConditionError {
  const found = error.token;
  const range = locateFound(found, tokens);
  if (isWord(found, 'near')) return deprecatedNearError(found, tokenEnd(tokens[tokens.length - 1]));
  return { id: 'condition/syntax', message: error.message, ...range };
}

/** The found token's range, or a point just after the last token when the parser hit the end of the condition. */
function locateFound(found: IToken, tokens: IToken[]): { offset: number; endOffset: number } {
  if (!found.isInsertedInRecovery && !Number.isNaN(found.startOffset)) return tokenRange(found);
  const end = tokens.length > 0 ? tokenEnd(tokens[tokens.length - 1]) : 0;
  return { offset: end, endOffset: end };
}

function tokenRange(found: IToken): { offset: number; endOffset: number } {
  return { offset: found.startOffset, endOffset: tokenEnd(found) };
}

function isWord(found: IToken, word: string): boolean {
  return tokenMatcher(found, Word) && found.image === word;
}

/** Whether parsing may resume at this token; a word that cannot be a name (`&&`) would only repeat the error. */
function canStartOperand(found: IToken): boolean {
  if (tokenMatcher(found, Word)) return PATTERN.test(found.image);
  return [LParen, Not, Quantifier].some((type) => tokenMatcher(found, type));
}

function strayMessage(found: IToken): string {
  if (found.image === ')') return 'found `)` with no `(` to close';
  return `expected \`and\`, \`or\` or the end of the condition, found \`${found.image}\``;
}

/**
 * Operator words that cannot be operators where they stand are search identifiers when the detection defines
 * such a name: a search called `Any` or `all` stays usable. Uppercase operator words are identifiers when a
 * search has exactly that name; lowercase ones only where the grammar has no use for them.
 */
function readContextualKeywords(tokens: IToken[], searchNames: string[]): void {
  if (searchNames.length === 0) return;
  const names = new Set(searchNames);
  tokens.forEach((found, index) => {
    if (!tokenMatcher(found, Keyword) || !names.has(found.image)) return;
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
function numberedSelectors(tokens: IToken[]): ConditionError[] {
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

function uppercaseOperators(tokens: IToken[]): ConditionError[] {
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

function dedupe(errors: ConditionError[]): ConditionError[] {
  return errors.filter((error, index) => {
    const previous = errors[index - 1];
    return !previous || compareConditionErrors(previous, error) !== 0;
  });
}
