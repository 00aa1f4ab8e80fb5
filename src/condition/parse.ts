import { NotAllInputParsedException, tokenMatcher, type CstNode, type IRecognitionException, type IToken } from './chevrotain.js';
import { SourceFile } from '../core/source.js';
import type { ConditionExpression } from './ast.js';
import { buildExpression, type BuildContext } from './build-ast.js';
import { deprecatedNearError, deprecatedTailError } from './deprecated.js';
import { compareConditionErrors, type ConditionError } from './errors.js';
import { parseTokens } from './grammar.js';
import { PATTERN } from './selectors.js';
import { LParen, Not, PipeTail, Quantifier, tokenEnd, tokenize, Word } from './lexer.js';
import { foreignOperators, nestingError, numberedSelectors, readContextualKeywords, tokenRange, uppercaseOperators } from './token-checks.js';

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
  errors.push(...foreignOperators(tokens));
  errors.push(...uppercaseOperators(tokens));

  const localFile = new SourceFile('', '', text);
  const context: BuildContext = { searchNames, span: (offset, end) => localFile.span(offset, end), errors };
  const { roots, syntaxErrors } = parseFragments(tokens);
  errors.push(...syntaxErrors);
  const expressions = roots.map((root) => buildExpression(root, context));
  const understood = !errors.some((error) => error.id === 'condition/syntax' || error.id === 'condition/empty');
  return { expression: understood ? expressions[0] : undefined, errors: dedupe(errors.sort(compareConditionErrors)) };
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

function dedupe(errors: ConditionError[]): ConditionError[] {
  return errors.filter((error, index) => {
    const previous = errors[index - 1];
    return !previous || compareConditionErrors(previous, error) !== 0;
  });
}
