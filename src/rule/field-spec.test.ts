import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source.js';
import { parseFieldSpec } from './field-spec.js';
import { loadRuleText } from './load.js';
import { MODIFIERS, modifierInfo } from './modifiers.js';
import type { YamlScalar } from './yaml-node.js';

function key(source: string, value: string, style: YamlScalar['style'] = 'plain'): { scalar: YamlScalar; file: SourceFile } {
  const file = new SourceFile('k.yml', '/k.yml', `${source}: x\n`);
  return { file, scalar: { kind: 'scalar', value, style, source, span: file.span(0, source.length) } };
}

describe('parseFieldSpec', () => {
  const table: { key: string; value?: string; field: string | null; modifiers: [string, number, number][]; errors?: [string, number, number][] }[] = [
    { key: 'CommandLine', field: 'CommandLine', modifiers: [] },
    { key: 'CommandLine|contains|all', field: 'CommandLine', modifiers: [['contains', 13, 21], ['all', 22, 25]] },
    { key: "'Image|endswith'", value: 'Image|endswith', field: 'Image', modifiers: [['endswith', 8, 16]] },
    { key: '|all', field: null, modifiers: [['all', 2, 5]] },
    { key: 'actor.alternateId|startswith', field: 'actor.alternateId', modifiers: [['startswith', 19, 29]] },
    { key: 'A|Contains', field: 'A', modifiers: [], errors: [['modifier/unknown', 3, 11]] },
    { key: 'A|contains||all', field: 'A', modifiers: [['contains', 3, 11], ['all', 13, 16]], errors: [['modifier/empty', 11, 12]] },
    { key: 'A|', field: 'A', modifiers: [], errors: [['modifier/empty', 2, 3]] },
  ];
  it.each(table)('$key', ({ key: text, value, field, modifiers, errors = [] }) => {
    const { scalar, file } = key(text, value ?? text, value ? 'single' : 'plain');
    const { spec, diagnostics } = parseFieldSpec(scalar, file);
    expect(spec.field).toBe(field);
    expect(spec.modifiers.map((m) => [m.name, m.span.column, m.span.endColumn])).toEqual(modifiers);
    expect(diagnostics.map((d) => [d.id, d.span.column, d.span.endColumn])).toEqual(errors);
  });

  it('suggests the lowercase or closest modifier name', () => {
    const { scalar, file } = key('A|Contains', 'A|Contains');
    expect(parseFieldSpec(scalar, file).diagnostics[0].hint).toBe('Modifier names are lowercase: did you mean `contains`?');
    const typo = key('A|endwith', 'A|endwith');
    expect(parseFieldSpec(typo.scalar, typo.file).diagnostics[0].hint).toBe('Did you mean `endswith`?');
  });
});

function check(item: string): [string, string, number, number][] {
  const text = `title: t\nlogsource: {product: x}\ndetection:\n  sel:\n    ${item}\n  condition: sel\n`;
  return loadRuleText('m.yml', text).diagnostics.map((d) => [d.id, d.severity, d.span.line, d.span.column]);
}

describe('modifier chains checked at load time', () => {
  const table: [string, [string, string, number, number][]][] = [
    ['A|contains: x', []],
    ['A|contains|all: [x, y]', []],
    ['A|re: ^a.*b$', []],
    ['A|re|i: abc', []],
    ["A|cidr: '10.0.0.0/8'", []],
    ['A|cidr: fe80::/10', []],
    ['A|exists: true', []],
    ['A|gt: 5', []],
    ['A|hour|gte: 8', []],
    ['A|base64offset|contains: abc', []],
    ['A|wide|base64offset|contains: cmd', []],
    ['A|fieldref: B', []],
    ['A|fieldref|contains: B', []],
    ['A|expand: "%Admins%"', []],
    ['A|neq: [a, b]', []],
    // no modifiers: nothing in the chain to check, any scalar value stands
    ['A: [x, 5, true, null, "ab*c", "a(b", 10.0.0.1/8]', []],
    ['A: 25', []],
    // misplaced and conflicting
    ['A|contains|re: abc', [['modifier/must-be-first', 'error', 5, 16]]],
    ['A|contains|cidr: 10.0.0.0/8', [['modifier/must-be-first', 'error', 5, 16]]],
    ['A|all|re: [a, b]', [['modifier/must-be-first', 'error', 5, 11]]],
    ['A|re|all: [a, b]', []],
    ['A|cidr|neq: [10.0.0.0/8, 192.168.0.0/16]', []],
    ['A|cidr|contains: 10.0.0.0/8', [['modifier/type-mismatch', 'error', 5, 12]]],
    ['A|i: abc', [['modifier/misplaced', 'error', 5, 7]]],
    ['A|re|cased: abc', [['modifier/conflict', 'error', 5, 10]]],
    ['A|exists|contains: true', [['modifier/not-alone', 'error', 5, 7]]],
    ['A|gt|hour: 5', [['modifier/type-mismatch', 'error', 5, 10]]],
    ['A|contains|contains: x', [['modifier/duplicate', 'warning', 5, 16]]],
    // wrong value types
    ["A|gt: '5'", [['modifier/type-mismatch', 'error', 5, 11]]],
    ['A|contains: 123', [['modifier/type-mismatch', 'error', 5, 17]]],
    ["A|exists: 'yes'", [['modifier/type-mismatch', 'error', 5, 15]]],
    ['A|exists: yes', []],
    ['A|exists: [true, false]', [['modifier/exists-value', 'error', 5, 7]]],
    ['A|re: 5', [['modifier/type-mismatch', 'error', 5, 11]]],
    ['A|hour: 25', [['modifier/out-of-range', 'error', 5, 13]]],
    // list-level rules
    ['A|contains|all: x', [['modifier/all-single-value', 'error', 5, 16]]],
    ['A|base64offset: abc', [['modifier/base64offset-without-contains', 'error', 5, 7]]],
    ['A|base64|contains: ab*c', [['modifier/wildcard-not-allowed', 'error', 5, 24]]],
    ["A|base64|contains: 'ab\\*c'", []],
    // values the engine cannot use
    ['A|re: "a(b"', [['modifier/invalid-regex', 'error', 5, 12]]],
    ["A|re: '[a-'", [['modifier/invalid-regex', 'error', 5, 12]]],
    ["A|cidr: '10.0.0.1/8'", [['modifier/invalid-cidr', 'error', 5, 13]]],
    ["A|cidr: 'not-a-net'", [['modifier/invalid-cidr', 'error', 5, 13]]],
    ['A|re: "a(?=b)"', [['modifier/unsupported-regex', 'warning', 5, 13]]],
  ];
  it.each(table)('%s', (item, expected) => {
    expect(check(item)).toEqual(expected);
  });

  it('needs a field for `exists`', () => {
    expect(check("'|exists': true")).toEqual([['modifier/needs-field', 'error', 5, 7]]);
  });
});

describe('the modifier table', () => {
  it('covers every modifier of the Sigma specification and pySigma', () => {
    const spec = ['contains', 'startswith', 'endswith', 'all', 'exists', 'cased', 'neq', 'windash', 're', 'i', 'm', 's',
      'base64', 'base64offset', 'utf16le', 'utf16be', 'utf16', 'wide', 'lt', 'lte', 'gt', 'gte', 'minute', 'hour', 'day',
      'week', 'month', 'year', 'cidr', 'expand', 'fieldref'];
    for (const name of spec) expect(modifierInfo(name), name).toBeDefined();
    expect(MODIFIERS.filter((m) => !m.inSpec).map((m) => m.name)).toEqual(['ignorecase', 'multiline', 'dotall']);
    expect(MODIFIERS.filter((m) => m.first).map((m) => m.name)).toEqual(['re', 'cidr']);
  });
});
