import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ConditionExpression } from '../condition/ast.js';
import { evaluateCondition } from '../condition/evaluate.js';
import { compileCondition, ConditionError } from './condition.js';

const span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
const NAMES = ['a', 'b', 'c', 'd'];

const expression: fc.Arbitrary<ConditionExpression> = fc.letrec<{ node: ConditionExpression }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES).map((name): ConditionExpression => ({ type: 'identifier', name, span })),
    fc.tuple(fc.constantFrom<'one' | 'all'>('one', 'all'), fc.subarray(NAMES, { minLength: 1 })).map(
      ([quantifier, matches]): ConditionExpression => ({ type: 'selector', quantifier, quantifierText: quantifier === 'one' ? '1' : 'all', pattern: 'x*', matches, span }),
    ),
    tie('node').map((operand): ConditionExpression => ({ type: 'not', operand, span })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): ConditionExpression => ({ type: 'and', operands, span })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((operands): ConditionExpression => ({ type: 'or', operands, span })),
  ),
})).node;

describe('compiled conditions', () => {
  it('agree with the reference evaluator on every assignment of search results', () => {
    fc.assert(
      fc.property(expression, fc.array(fc.boolean(), { minLength: 4, maxLength: 4 }), (expr, bits) => {
        const results = new Map(NAMES.map((n, i) => [n, bits[i]]));
        const searches = new Map(NAMES.map((n) => [n, (r: Map<string, boolean>) => r.get(n)!]));
        expect(compileCondition(expr, searches)(results)).toBe(evaluateCondition(expr, (name) => results.get(name)!));
      }),
      { numRuns: 3000 },
    );
  });

  it('reject unknown searches and empty selectors', () => {
    const searches = new Map([['a', () => true]]);
    expect(() => compileCondition({ type: 'identifier', name: 'zz', span }, searches)).toThrow(ConditionError);
    expect(() => compileCondition({ type: 'selector', quantifier: 'all', quantifierText: 'all', pattern: 'x*', matches: [], span }, searches)).toThrow(/matches no search/);
  });
});
