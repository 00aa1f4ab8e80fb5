import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionExpression } from './ast.js';
import { tokenize } from './lexer.js';
import { parseCondition } from './parse.js';
import { printCondition, serializeCondition } from './print.js';
import { resolvePattern } from './selectors.js';

const NAMES = ['a', 'b', 'selection_1', 'selection_2', 'filter-x', 'notable', 'x_and', '_hidden'];
const PATTERNS = ['selection_*', '*', '_*', 'them', 'b', '*_and', 'filter-*', 'sel*_2'];

function zeroSpan() {
  return { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
}

const identifier = fc.constantFrom(...NAMES).map((name): ConditionExpression => ({ type: 'identifier', name, span: zeroSpan() }));

const selector = fc
  .tuple(fc.constantFrom('1', 'any', 'all'), fc.constantFrom(...PATTERNS))
  .map(([quantifierText, pattern]): ConditionExpression => ({
    type: 'selector',
    quantifier: quantifierText === 'all' ? 'all' : 'one',
    quantifierText,
    pattern,
    matches: resolvePattern(pattern, NAMES),
    span: zeroSpan(),
  }));

const { expression } = fc.letrec<{ expression: ConditionExpression }>((tie) => ({
  expression: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    identifier,
    selector,
    tie('expression').map((operand): ConditionExpression => ({ type: 'not', operand, span: zeroSpan() })),
    fc
      .tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('expression'), { minLength: 2, maxLength: 4 }))
      .map(([type, operands]): ConditionExpression => ({ type, operands, span: zeroSpan() })),
  ),
}));

function leaves(node: ConditionExpression): ConditionExpression[] {
  if (node.type === 'and' || node.type === 'or') return node.operands.flatMap(leaves);
  if (node.type === 'not') return leaves(node.operand);
  return [node];
}

describe('printing and parsing back', () => {
  it('gives the same expression', () => {
    fc.assert(
      fc.property(expression, (original) => {
        const text = printCondition(original);
        const result = parseCondition(text, NAMES);
        expect(result.errors).toEqual([]);
        expect(serializeCondition(result.expression!)).toBe(serializeCondition(original));
      }),
      { numRuns: 500 },
    );
  });

  it('locates every identifier and selector at its text', () => {
    fc.assert(
      fc.property(expression, (original) => {
        const text = printCondition(original);
        for (const leaf of leaves(parseCondition(text, NAMES).expression!)) {
          const written = text.slice(leaf.span.offset, leaf.span.endOffset);
          expect(written).toBe(leaf.type === 'identifier' ? leaf.name : leaf.type === 'selector' ? `${leaf.quantifierText} of ${leaf.pattern}` : '');
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('any text', () => {
  const pieces = fc.constantFrom('a', 'b', 'and', 'or', 'not', 'AND', '1', 'of', 'them', 'all', '(', ')', ' ', '|', 'x*', '&&', '\n', 'near', "'", 'é');
  it('gives errors inside the text and never throws', () => {
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join(' ');
        const result = parseCondition(text, NAMES);
        for (const error of result.errors) {
          expect(error.offset).toBeGreaterThanOrEqual(0);
          expect(error.endOffset).toBeGreaterThanOrEqual(error.offset);
          expect(error.endOffset).toBeLessThanOrEqual(text.length);
          expect(error.message.length).toBeGreaterThan(0);
        }
        if (result.errors.length === 0) expect(result.expression).toBeDefined();
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the lexer', () => {
  it('has a token for every character, whitespace and parentheses aside', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (text) => {
        const tokens = tokenize(text);
        const covered = tokens.map((token) => token.image).join('');
        expect(covered).toBe(text.replace(/\s+/g, ''));
      }),
      { numRuns: 2000 },
    );
  });
});
