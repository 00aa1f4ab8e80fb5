import { describe, expect, it } from 'vitest';
import { evaluateCondition } from './evaluate.js';
import { parseCondition } from './parse.js';

const NAMES = ['selection', 'selection_a', 'selection_b', 'filter_main', 'filter_extra', '_hidden'];

/** Evaluates `condition` with the searches in `matched` matching and every other search not matching. */
function evaluate(condition: string, matched: string[]): boolean {
  const { expression, errors } = parseCondition(condition, NAMES);
  expect(errors).toEqual([]);
  return evaluateCondition(expression!, (name) => matched.includes(name));
}

describe('evaluateCondition', () => {
  const cases: [string, string[], boolean][] = [
    ['selection', ['selection'], true],
    ['selection', [], false],
    ['selection and not filter_main', ['selection'], true],
    ['selection and not filter_main', ['selection', 'filter_main'], false],
    ['not selection and selection_a or selection_b', ['selection_b', 'selection'], true],
    ['not selection and selection_a or selection_b', ['selection', 'selection_a'], false],
    ['not (selection or selection_a)', [], true],
    ['1 of selection_*', ['selection_b'], true],
    ['any of selection_*', [], false],
    ['all of selection_*', ['selection_a'], false],
    ['all of selection_*', ['selection_a', 'selection_b'], true],
    ['1 of them', ['_hidden'], false],
    ['1 of _*', ['_hidden'], true],
    ['selection and not 1 of filter_*', ['selection', 'filter_extra'], false],
    ['selection and not 1 of filter_*', ['selection'], true],
  ];
  it.each(cases)('%j with %j matching is %s', (condition, matched, expected) => {
    expect(evaluate(condition, matched)).toBe(expected);
  });

  it('asks only about the searches the result depends on', () => {
    const asked: string[] = [];
    const { expression } = parseCondition('selection or 1 of filter_* and selection_a', NAMES);
    expect(evaluateCondition(expression!, (name) => (asked.push(name), name === 'selection'))).toBe(true);
    expect(asked).toEqual(['selection']);
  });

  it('treats a selector that selects nothing as false, whatever its quantifier', () => {
    const { expression } = parseCondition('all of nothing*', NAMES);
    expect(evaluateCondition(expression!, () => true)).toBe(false);
  });
});
