import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source.js';
import { parseYamlDocuments } from './yaml-load.js';
import { toPlain, type YamlMap, type YamlScalar } from './yaml-node.js';

function parse(text: string) {
  return parseYamlDocuments(new SourceFile('t.yml', '/t.yml', text));
}

function scalarOf(text: string): YamlScalar {
  const result = parse(`v: ${text}\n`);
  expect(result.diagnostics).toEqual([]);
  return (result.documents[0].root as YamlMap).entries[0].value as YamlScalar;
}

describe('YAML 1.1 typing, as PyYAML reads rules', () => {
  const table: [string, unknown][] = [
    ['yes', true], ['Yes', true], ['YES', true], ['no', false], ['on', true], ['off', false], ['ON', true],
    ['true', true], ['False', false], ['y', 'y'], ['n', 'n'], ['Y', 'Y'],
    ['010', 8], ['0x17', 23], ['0b101', 5], ['-010', -8], ['1_000', 1000], ['12:30', 750], ['1:00:00', 3600],
    ['09', '09'], ['4624', 4624], ['0', 0], ['-5', -5],
    ['1e3', '1e3'], ['1.5', 1.5], ['1.0e+3', 1000], ['.5', 0.5], ['.inf', Infinity], ['-.inf', -Infinity],
    ['~', null], ['null', null], ['Null', null], ['', null],
    ["'yes'", 'yes'], ['"010"', '010'], ["'0x40810000'", '0x40810000'],
    ['2024-13-01', '2024-13-01'], ['2024/01/05', '2024/01/05'],
  ];
  it.each(table)('%s', (text, expected) => {
    expect(scalarOf(text).value).toEqual(expected);
  });

  it('reads an unquoted date as a Date and a quoted one as text', () => {
    expect(scalarOf('2024-01-05').value).toEqual(new Date(Date.UTC(2024, 0, 5)));
    expect(scalarOf("'2024-01-05'").value).toBe('2024-01-05');
    expect(scalarOf('2001-12-14t21:59:43.10-05:00').value).toEqual(new Date('2001-12-15T02:59:43.100Z'));
  });

  it('keeps the style and source text of each scalar', () => {
    expect(scalarOf('yes')).toMatchObject({ style: 'plain', source: 'yes' });
    expect(scalarOf("'it''s'")).toMatchObject({ style: 'single', source: "'it''s'", value: "it's" });
    expect(scalarOf('"a\\tb"')).toMatchObject({ style: 'double', source: '"a\\tb"', value: 'a\tb' });
    expect(parse('v: |\n  line\n').documents[0].root).toMatchObject({ entries: [{ value: { style: 'literal', value: 'line\n' } }] });
    expect(parse('v: >\n  a\n  b\n').documents[0].root).toMatchObject({ entries: [{ value: { style: 'folded', value: 'a b\n' } }] });
  });
});

describe('positions', () => {
  const text = 'title: T # comment\ndetection:\n    sel:\n        - a\n        - {b: c}\n    condition: sel\n';
  const root = parse(text).documents[0].root as YamlMap;
  const slice = (span: { offset: number; endOffset: number }) => text.slice(span.offset, span.endOffset);

  it('locates keys and values, without the comment or surrounding whitespace', () => {
    expect(root.entries[0].key.span).toMatchObject({ line: 1, column: 1, endLine: 1, endColumn: 6 });
    expect(slice(root.entries[0].value.span)).toBe('T');
    const detection = root.entries[1].value as YamlMap;
    expect(detection.span).toMatchObject({ line: 3, column: 5 });
    const sel = detection.entries[0].value;
    expect(slice(sel.span)).toBe('- a\n        - {b: c}');
    expect(sel.kind === 'seq' && sel.items.map((item) => slice(item.span))).toEqual(['a', '{b: c}']);
    expect(toPlain(root)).toEqual({ title: 'T', detection: { sel: ['a', { b: 'c' }], condition: 'sel' } });
    expect(detection.entries[1].value.span).toMatchObject({ line: 6, column: 16, endLine: 6, endColumn: 19 });
  });

  it('reads several documents and keeps a byte order mark out of the offsets', () => {
    const result = parse('\ufeffa: 1\n---\nb: 2\n');
    expect(result.documents.map((d) => toPlain(d.root))).toEqual([{ a: 1 }, { b: 2 }]);
    expect((result.documents[0].root as YamlMap).entries[0].key.span).toMatchObject({ offset: 1, line: 1, column: 2 });
    expect(result.documents[1]).toMatchObject({ index: 1 });
  });
});

describe('scalar text, short and long (long ones are cut from the kept file text)', () => {
  const table: [string, unknown, YamlScalar['style']][] = [
    ['short', 'short', 'plain'],
    ['C:\\Windows\\System32\\cmd.exe', 'C:\\Windows\\System32\\cmd.exe', 'plain'],
    ["'a long single-quoted value'", 'a long single-quoted value', 'single'],
    ["'it''s a long single-quoted value'", "it's a long single-quoted value", 'single'],
    ['"a long double-quoted value"', 'a long double-quoted value', 'double'],
    ['"a long double-quoted\\tvalue"', 'a long double-quoted\tvalue', 'double'],
    ['"short"', 'short', 'double'],
    ['1234567890123456', 1234567890123456, 'plain'],
  ];
  it.each(table)('%s', (text, value, style) => {
    const scalar = scalarOf(text);
    expect([scalar.value, scalar.style, scalar.source]).toEqual([value, style, text]);
  });
});

describe('bad YAML', () => {
  it('reports a syntax error where it is and still reads the next document', () => {
    const result = parse('a: 1\n---\nb: [1, 2\nc: 3\n---\nd: 4\n');
    expect(result.diagnostics.map((d) => [d.id, d.span.line])).toEqual([['yaml/syntax-error', 4]]);
    expect(result.documents.map((d) => [d.index, toPlain(d.root)])).toEqual([[0, { a: 1 }], [2, { d: 4 }]]);
    expect(result.brokenDocuments).toBe(1);
  });

  it('reports a duplicate key at the second occurrence and keeps the last value', () => {
    const result = parse('a: 1\nb:\n  x: 1\n  x: 2\na: 3\n');
    expect(result.diagnostics.map((d) => [d.id, d.span.line, d.span.column])).toEqual([
      ['yaml/duplicate-key', 4, 3],
      ['yaml/duplicate-key', 5, 1],
    ]);
    expect(toPlain(result.documents[0].root)).toEqual({ a: 3, b: { x: 2 } });
  });

  it('stops an alias bomb at the alias that crosses the limit, without expanding it', () => {
    const levels = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${previous}`).join(',')}]`);
    }
    const started = performance.now();
    const result = parse(`${levels.join('\n')}\n`);
    expect(performance.now() - started).toBeLessThan(1000);
    expect(result.diagnostics.map((d) => [d.id, d.span.line])).toEqual([['yaml/alias-limit', 6]]);
    expect(result.documents).toEqual([]);
  });

  it('finds a duplicate key in a large mapping as in a small one (key names move to a Map past 16 keys)', () => {
    for (const count of [3, 16, 17, 40]) {
      const keys = Array.from({ length: count }, (_, i) => `k${i}: ${i}`);
      const text = `${keys.join('\n')}\nk1: again\nk${count - 1}: last\n`;
      const result = parse(text);
      expect(result.diagnostics.map((d) => [d.id, d.span.line, d.span.column])).toEqual([
        ['yaml/duplicate-key', count + 1, 1],
        ['yaml/duplicate-key', count + 2, 1],
      ]);
      const plain = toPlain(result.documents[0].root) as Record<string, unknown>;
      expect(Object.keys(plain)).toEqual(Array.from({ length: count }, (_, i) => `k${i}`));
      expect([plain.k1, plain[`k${count - 1}`]]).toEqual(['again', 'last']);
    }
  });

  it('merges a large anchored mapping: explicit keys win, merged keys follow in order', () => {
    const base = Array.from({ length: 20 }, (_, i) => `K${i}: ${i}`).join(', ');
    const root = parse(`base: &b {${base}}\nsel:\n  K3: x\n  <<: *b\n  K19: y\n`).documents[0].root;
    const sel = (toPlain(root) as Record<string, Record<string, unknown>>).sel;
    expect(Object.keys(sel)).toEqual(['K3', 'K19', ...Array.from({ length: 20 }, (_, i) => `K${i}`).filter((k) => k !== 'K3' && k !== 'K19')]);
    expect([sel.K3, sel.K19, sel.K0]).toEqual(['x', 'y', 0]);
  });

  it('applies YAML merge keys as PyYAML does: explicit keys win', () => {
    const root = parse('base: &b {A: 1, B: 2}\nsel:\n  <<: *b\n  B: 3\n').documents[0].root;
    expect(toPlain(root)).toEqual({ base: { A: 1, B: 2 }, sel: { B: 3, A: 1 } });
  });

  it('shares the anchored node for a small alias', () => {
    const root = parse('a: &x [1, 2]\nb: *x\n').documents[0].root as YamlMap;
    expect(root.entries[1].value).toBe(root.entries[0].value);
  });
});
