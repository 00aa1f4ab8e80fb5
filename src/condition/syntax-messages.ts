import { EOF, tokenMatcher, type IParserErrorMessageProvider, type IToken, type TokenType } from './chevrotain.js';
import { Of, RParen, Them, Word } from './lexer.js';

/** How a token reads in a message: `` `filter` `` or "the end of the condition". */
export function describeToken(token: IToken | undefined): string {
  if (!token || token.tokenType === EOF || Number.isNaN(token.startOffset)) return 'the end of the condition';
  const image = token.image.length > 40 ? `${token.image.slice(0, 39)}…` : token.image;
  return `\`${image}\``;
}

function where(previous: IToken | undefined): string {
  if (!previous || previous.tokenType === EOF || Number.isNaN(previous.startOffset)) return 'at the start of the condition';
  return `after ${describeToken(previous)}`;
}

function label(type: TokenType): string {
  return type.LABEL ?? type.name;
}

const OPERAND = 'an identifier, `(`, `not` or a selector';

/**
 * Sentences for chevrotain's recognition errors, written for the grammar in grammar.ts
 * ("expected an identifier, `(`, `not` or a selector after `and`, found the end of the condition").
 */
export const syntaxMessages: IParserErrorMessageProvider = {
  buildMismatchTokenMessage({ expected, actual, previous }) {
    if (expected === RParen) return `expected \`)\` to close \`(\`, found ${describeToken(actual)}`;
    if (expected === Of) return `expected \`of\` ${where(previous)}, found ${describeToken(actual)}`;
    return `expected ${label(expected)} ${where(previous)}, found ${describeToken(actual)}`;
  },

  buildNotAllInputParsedMessage({ firstRedundant }) {
    if (tokenMatcher(firstRedundant, RParen)) return 'found `)` with no `(` to close';
    return `expected \`and\`, \`or\` or the end of the condition, found ${describeToken(firstRedundant)}`;
  },

  buildNoViableAltMessage({ expectedPathsPerAlt, actual, previous, ruleName }) {
    const found = describeToken(actual[0]);
    if (ruleName === 'selector' && expectedPathsPerAlt.some((alt) => alt.some((path) => path[0] === Word))) {
      return `expected a pattern or \`them\` ${where(previous)}, found ${found}`;
    }
    if (ruleName === 'atom' || ruleName === 'notExpression') {
      if (actual[0] && tokenMatcher(actual[0], Them)) return `\`them\` needs a selector in front of it: \`1 of them\` or \`all of them\``;
      if (actual[0] && tokenMatcher(actual[0], Of)) return `expected ${OPERAND} ${where(previous)}, found \`of\` with no \`1\`, \`any\` or \`all\` before it`;
      return `expected ${OPERAND} ${where(previous)}, found ${found}`;
    }
    const expected = [...new Set(expectedPathsPerAlt.flatMap((alt) => alt.map((path) => label(path[0]))))];
    return `expected ${expected.join(' or ')} ${where(previous)}, found ${found}`;
  },

  buildEarlyExitMessage({ expectedIterationPaths, actual, previous }) {
    const expected = [...new Set(expectedIterationPaths.map((path) => label(path[0])))];
    return `expected ${expected.join(' or ')} ${where(previous)}, found ${describeToken(actual[0])}`;
  },
};
