import { describe, expect, it } from 'vitest';
import type { ConditionExpression } from './ast.js';
import { parseCondition } from './parse.js';
import { serializeCondition } from './print.js';

const NAMES = [
  'selection',
  'selection_a',
  'selection_b',
  'filter',
  'filter_main_x',
  'filter_optional_y',
  '_hidden',
  'sel-x',
  'notable',
  'keywords',
];
const VISIBLE = NAMES.filter((name) => !name.startsWith('_')).join(' ');

function parsed(text: string, names = NAMES): string {
  const result = parseCondition(text, names);
  expect(result.errors).toEqual([]);
  expect(result.expression).toBeDefined();
  return serializeCondition(result.expression!);
}

function errorsOf(text: string, names = NAMES): [string, number, number][] {
  return parseCondition(text, names).errors.map((error) => [error.id, error.offset, error.endOffset]);
}

describe('valid conditions', () => {
  const cases: [string, string][] = [
    ['selection', 'selection'],
    ['  selection  ', 'selection'],
    ['selection and filter', '(and selection filter)'],
    ['selection and not filter', '(and selection (not filter))'],
    ['selection and filter and keywords', '(and selection filter keywords)'],
    ['selection or filter or keywords', '(or selection filter keywords)'],
    ['selection and (filter or keywords)', '(and selection (or filter keywords))'],
    ['(selection and filter) and keywords', '(and (and selection filter) keywords)'],
    ['((selection))', 'selection'],
    ['not not selection', '(not (not selection))'],
    ['not (selection or filter)', '(not (or selection filter))'],
    ['selection\n  and\tfilter', '(and selection filter)'],
    ['1 of selection_*', '(1 of selection_* [selection_a selection_b])'],
    ['any of selection*', '(any of selection* [selection selection_a selection_b])'],
    ['all of selection_*', '(all of selection_* [selection_a selection_b])'],
    ['1 of selection', '(1 of selection [selection])'],
    ['1 of *_x', '(1 of *_x [filter_main_x])'],
    ['all of them', `(all of them [${VISIBLE}])`],
    ['1 of *', `(1 of * [${VISIBLE}])`],
    ['1 of _*', '(1 of _* [_hidden])'],
    ['1 of sel-*', '(1 of sel-* [sel-x])'],
    ['selection and not 1 of filter_*', '(and selection (not (1 of filter_* [filter_main_x filter_optional_y])))'],
    ['not 1 of filter_* and selection', '(and (not (1 of filter_* [filter_main_x filter_optional_y])) selection)'],
    ['sel-x or notable', '(or sel-x notable)'],
    ['_hidden and selection', '(and _hidden selection)'],
    ['(selection)and(filter)', '(and selection filter)'],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });
});

describe('precedence: not > and > or', () => {
  const cases: [string, string][] = [
    ['not selection and filter or keywords', '(or (and (not selection) filter) keywords)'],
    ['selection or filter and keywords', '(or selection (and filter keywords))'],
    ['selection or not filter and keywords', '(or selection (and (not filter) keywords))'],
    ['selection and filter or keywords and notable', '(or (and selection filter) (and keywords notable))'],
    ['not selection or filter', '(or (not selection) filter)'],
    ['not (selection or filter) and keywords', '(and (not (or selection filter)) keywords)'],
    ['1 of selection_* or filter and not all of filter_*', '(or (1 of selection_* [selection_a selection_b]) (and filter (not (all of filter_* [filter_main_x filter_optional_y]))))'],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(parsed(text)).toBe(expected);
  });
});

describe('word boundaries', () => {
  it('reads a name that starts with an operator as one identifier', () => {
    expect(parsed('notable')).toBe('notable');
    expect(parsed('not notable')).toBe('(not notable)');
    expect(parsed('x_and or or_y', ['x_and', 'or_y'])).toBe('(or x_and or_y)');
    expect(parsed('anyone and all-in', ['anyone', 'all-in'])).toBe('(and anyone all-in)');
  });

  it('does not split an operator glued to a name', () => {
    expect(errorsOf('selection andfilter')).toEqual([
      ['condition/syntax', 10, 19],
      ['condition/undefined-identifier', 10, 19],
    ]);
    expect(errorsOf('not_x')).toEqual([['condition/undefined-identifier', 0, 5]]);
  });
});

describe('search identifiers named like operators', () => {
  it('reads them as identifiers where an operator makes no sense', () => {
    expect(parsed('all or Any', ['all', 'Any'])).toBe('(or all Any)');
    expect(parsed('AND and selection', ['AND', 'selection'])).toBe('(and AND selection)');
    expect(parsed('them or 1 of them', ['them', 'x'])).toBe('(or them (1 of them [them x]))');
    expect(parsed('all of all*', ['all', 'allx'])).toBe('(all of all* [all allx])');
  });
});

describe('spans', () => {
  function text(source: string, node: ConditionExpression): string {
    return source.slice(node.span.offset, node.span.endOffset);
  }

  it('covers each node from its first token to its last', () => {
    const source = 'not selection and 1 of filter_* or (keywords or filter)';
    const expression = parseCondition(source, NAMES).expression!;
    expect(expression.type).toBe('or');
    if (expression.type !== 'or') return;
    expect(text(source, expression)).toBe(source);
    const [and, parenthesized] = expression.operands;
    expect(text(source, and)).toBe('not selection and 1 of filter_*');
    expect(text(source, parenthesized)).toBe('keywords or filter');
    if (and.type !== 'and') throw new Error('expected an and node');
    expect(and.operands.map((node) => text(source, node))).toEqual(['not selection', '1 of filter_*']);
  });

  it('includes the parentheses of an operand in the span of the node around it', () => {
    const source = 'not (selection or filter)';
    const expression = parseCondition(source, NAMES).expression!;
    expect(text(source, expression)).toBe(source);
    if (expression.type !== 'not') throw new Error('expected a not node');
    expect(text(source, expression.operand)).toBe('selection or filter');
  });

  it('gives lines and columns inside a multi-line condition', () => {
    const expression = parseCondition('selection\n  and filter', NAMES).expression!;
    if (expression.type !== 'and') throw new Error('expected an and node');
    expect(expression.operands[1].span).toEqual({ line: 2, column: 7, endLine: 2, endColumn: 13, offset: 16, endOffset: 22 });
  });
});

describe('invalid conditions', () => {
  const cases: [string, [string, number, number][]][] = [
    ['', [['condition/empty', 0, 0]]],
    ['   ', [['condition/empty', 0, 3]]],
    ['selection and', [['condition/syntax', 13, 13]]],
    ['selection and   ', [['condition/syntax', 13, 13]]],
    ['and selection', [['condition/syntax', 0, 3]]],
    ['not', [['condition/syntax', 3, 3]]],
    ['(selection or filter', [['condition/syntax', 20, 20]]],
    ['selection or filter)', [['condition/syntax', 19, 20]]],
    ['selection ) ) filter', [['condition/syntax', 10, 11], ['condition/syntax', 12, 13]]],
    ['selection filter', [['condition/syntax', 10, 16]]],
    ['selection of filter', [['condition/syntax', 10, 12]]],
    ['all selection_*', [['condition/syntax', 4, 15]]],
    ['1 of', [['condition/syntax', 4, 4]]],
    ['1 of (selection)', [['condition/syntax', 5, 6]]],
    ['2 of selection_*', [['condition/syntax', 0, 1]]],
    ['2 of nothing*', [['condition/syntax', 0, 1], ['condition/empty-selector', 0, 13]]],
    ['selection*', [['condition/syntax', 0, 10]]],
    ['sel.x or selection', [['condition/syntax', 0, 5]]],
    ['1 of sel.*', [['condition/syntax', 5, 10]]],
    ['selection && filter', [['condition/syntax', 10, 12]]],
    ['selection || filter', [['condition/syntax', 10, 12]]],
    ['selection && !filter', [['condition/syntax', 10, 12], ['condition/syntax', 13, 20]]],
    ['selection & filter', [['condition/syntax', 10, 11]]],
    ['selction', [['condition/undefined-identifier', 0, 8]]],
    ['selection and Filter', [['condition/undefined-identifier', 14, 20]]],
    ['1 of nothing*', [['condition/empty-selector', 0, 13]]],
    ['all of *hidden', [['condition/empty-selector', 0, 14]]],
    ['selection | count() by SourceIp > 5', [['condition/deprecated-aggregation', 10, 35]]],
    ['selection | count(User) by SourceIp >= 10  ', [['condition/deprecated-aggregation', 10, 41]]],
    ['selection | max(Bytes) > 100', [['condition/deprecated-aggregation', 10, 28]]],
    ['| count() > 5', [['condition/deprecated-aggregation', 0, 13], ['condition/empty', 0, 0]]],
    ['selection | near filter', [['condition/deprecated-near', 10, 23]]],
    ['selection near filter', [['condition/deprecated-near', 10, 21]]],
    ['selection AND filter', [['condition/uppercase-operator', 10, 13]]],
    ['NOT selection Or filter', [['condition/uppercase-operator', 0, 3], ['condition/uppercase-operator', 14, 16]]],
    ['1 OF selection_*', [['condition/uppercase-operator', 2, 4]]],
    ['All of THEM', [['condition/uppercase-operator', 0, 3], ['condition/uppercase-operator', 7, 11]]],
  ];
  it.each(cases)('%j', (text, expected) => {
    expect(errorsOf(text)).toEqual(expected);
  });
});

describe('several errors in one condition', () => {
  it('reports each problem at its place', () => {
    expect(errorsOf('selection AND filtr or 1 of nothing*')).toEqual([
      ['condition/uppercase-operator', 10, 13],
      ['condition/undefined-identifier', 14, 19],
      ['condition/empty-selector', 23, 36],
    ]);
  });

  it('keeps checking after a syntax error', () => {
    expect(errorsOf('selection and (filter or) and keywordz')).toEqual([
      ['condition/syntax', 24, 25],
      ['condition/undefined-identifier', 30, 38],
    ]);
    expect(errorsOf('selction and and filtr)')).toEqual([
      ['condition/undefined-identifier', 0, 8],
      ['condition/syntax', 13, 16],
      ['condition/undefined-identifier', 17, 22],
      ['condition/syntax', 22, 23],
    ]);
    expect(errorsOf('a b c', ['a'])).toEqual([
      ['condition/syntax', 2, 3],
      ['condition/undefined-identifier', 2, 3],
      ['condition/syntax', 4, 5],
      ['condition/undefined-identifier', 4, 5],
    ]);
  });
});

describe('nesting', () => {
  it('accepts deep but reasonable nesting', () => {
    expect(parsed(`${'('.repeat(32)}selection${')'.repeat(32)}`)).toBe('selection');
    expect(parsed(`${'not '.repeat(16)}selection`)).toMatch(/^\(not /);
    expect(parsed(`${'(not '.repeat(32)}selection${')'.repeat(32)}`)).toMatch(/^\(not /);
  });

  it('reports nesting that could exhaust the stack instead of crashing', () => {
    expect(errorsOf(`${'('.repeat(5000)}selection${')'.repeat(5000)}`)).toEqual([['condition/syntax', 32, 33]]);
    expect(errorsOf(`${'not '.repeat(5000)}selection`)).toEqual([['condition/syntax', 64, 67]]);
    expect(errorsOf('('.repeat(100_000))).toEqual([['condition/syntax', 32, 33]]);
  });
});

describe('messages and hints', () => {
  function only(text: string, names = NAMES) {
    const { errors } = parseCondition(text, names);
    expect(errors).toHaveLength(1);
    return errors[0];
  }

  it('says what was expected and what was found', () => {
    expect(only('selection and').message).toBe(
      'expected an identifier, `(`, `not` or a selector after `and`, found the end of the condition',
    );
    expect(only('or filter').message).toBe(
      'expected an identifier, `(`, `not` or a selector at the start of the condition, found `or`',
    );
    expect(only('(selection').message).toBe('expected `)` to close `(`, found the end of the condition');
    expect(only('selection)').message).toBe('found `)` with no `(` to close');
    expect(only('selection filter').message).toBe('expected `and`, `or` or the end of the condition, found `filter`');
    expect(only('any selection*').message).toBe('expected `of` after `any`, found `selection*`');
    expect(only('all of').message).toBe('expected a pattern or `them` after `of`, found the end of the condition');
    expect(only('them').message).toBe('`them` needs a selector in front of it: `1 of them` or `all of them`');
    expect(only('selection and of filter').message).toBe(
      'expected an identifier, `(`, `not` or a selector after `and`, found `of` with no `1`, `any` or `all` before it',
    );
    expect(only('selection*').hint).toBe('write `1 of selection*` (any of them matches) or `all of selection*` (all of them match)');
  });

  it('suggests the search identifier that was probably meant', () => {
    expect(only('selction').hint).toBe('did you mean `selection`?');
    expect(only('Selection').hint).toBe('did you mean `selection`? Search identifiers are case-sensitive');
    expect(only('zzzzzz', ['a', 'b']).hint).toBe('the detection defines `a` and `b`');
    expect(only('1 of selction').hint).toBe('did you mean `selection`?');
  });

  it('explains why a selector selects nothing', () => {
    expect(only('1 of *hidden').hint).toBe('names that start with `_` are matched only by a pattern that starts with `_`');
    expect(only('1 of them', ['_a', '_b']).hint).toBe(
      '`them` leaves out names that start with `_`; use a pattern that starts with `_` to select them',
    );
    expect(only('1 of x*', ['a', 'b']).message).toBe('`1 of x*` selects no search identifier');
    expect(only('1 of x*', ['a', 'b']).hint).toBe('patterns are case-sensitive and match whole names; the detection defines `a` and `b`');
    expect(only('1 of filtr_*').hint).toBe('did you mean `filter_*`?');
    expect(only('all of Selection_*').hint).toBe('did you mean `selection_*`?');
  });

  it('names the Sigma operator for `&&` and `||`', () => {
    const error = only('selection || filter');
    expect(error.message).toBe('`||` is not a Sigma operator');
    expect([error.hint, error.replacement]).toEqual(['write `or`', 'or']);
  });

  it('offers the lowercase operator as a replacement', () => {
    const error = only('selection AND filter');
    expect(error.message).toBe('the operator `AND` must be written in lowercase');
    expect(error.replacement).toBe('and');
  });

  it('shows the correlation rule that replaces an aggregation', () => {
    expect(only('selection | count() by SourceIp > 5').hint).toBe(
      'give this rule a `name`, remove the `|` part, and add a correlation rule: `correlation: {type: event_count, ' +
        "rules: [<this rule's name>], group-by: [SourceIp], timespan: <the old timeframe>, condition: {gt: 5}}`",
    );
    expect(only('selection | count(User) by SourceIp >= 10').hint).toContain(
      'type: value_count, rules: [<this rule\'s name>], group-by: [SourceIp], timespan: <the old timeframe>, condition: {field: User, gte: 10}',
    );
    expect(only('selection | sum(Bytes) by Host > 1000').hint).toContain('type: value_sum');
    expect(only('selection | near filter').hint).toContain('`temporal`');
  });
});

describe('expression alongside errors', () => {
  it('is kept when the syntax was understood', () => {
    expect(serializeCondition(parseCondition('selection AND filtr', NAMES).expression!)).toBe('(and selection filtr)');
    expect(serializeCondition(parseCondition('selection | count() > 5', NAMES).expression!)).toBe('selection');
    expect(serializeCondition(parseCondition('selection near filter', NAMES).expression!)).toBe('selection');
    expect(serializeCondition(parseCondition('1 of nothing*', NAMES).expression!)).toBe('(1 of nothing* [])');
  });

  it('is absent after a syntax error', () => {
    expect(parseCondition('selection and', NAMES).expression).toBeUndefined();
    expect(parseCondition('selection*', NAMES).expression).toBeUndefined();
    expect(parseCondition('', NAMES).expression).toBeUndefined();
  });
});
