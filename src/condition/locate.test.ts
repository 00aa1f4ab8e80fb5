import fc from 'fast-check';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { SourceFile } from '../core/source.js';
import { parseYamlDocuments } from '../rule/yaml-load.js';
import { mapGet, type ScalarStyle, type YamlScalar } from '../rule/yaml-node.js';
import type { ConditionExpression } from './ast.js';
import { conditionLocator, conditionLocatorAt, parseConditionScalar } from './locate.js';
import { decodeScalar } from './scalar-offsets.js';

const NAMES = ['selection', 'filter'];
const HEAD = 'title: t\nlogsource: {product: windows}\ndetection:\n  selection: {EventID: 1}\n  filter: {EventID: 2}\n  condition: ';

/** A rule whose condition is written as `conditionSource` (the last thing in the file), and that scalar. */
function rule(conditionSource: string) {
  const text = HEAD + conditionSource;
  const file = new SourceFile('rules/r.yml', '/work/rules/r.yml', text);
  const source = conditionSource.trimEnd();
  const styles: Record<string, ScalarStyle> = { "'": 'single', '"': 'double', '|': 'literal', '>': 'folded' };
  const value = String((yaml.load(text) as { detection: { condition: unknown } }).detection.condition);
  const scalar: YamlScalar = {
    kind: 'scalar',
    value,
    style: styles[source[0]] ?? 'plain',
    source,
    span: file.span(HEAD.length, HEAD.length + source.length),
  };
  return { file, scalar, value, text };
}

function located(conditionSource: string) {
  const { file, scalar, value, text } = rule(conditionSource);
  const result = parseConditionScalar(scalar, value, NAMES, file);
  const at = (span: { offset: number; endOffset: number }) => text.slice(span.offset, span.endOffset);
  return { ...result, at, file, scalar, value };
}

describe('errors located in the file', () => {
  const cases: [string, string, string][] = [
    ['plain', 'selection and filtr', 'filtr'],
    ['single-quoted', "'selection and filtr'", 'filtr'],
    ['double-quoted with escapes', '"sel\\u0065ction\\tand filtr"', 'filtr'],
    ['double-quoted escape inside the name', '"selection and fil\\x74r"', 'fil\\x74r'],
    ['plain over two lines', 'selection and\n    filtr\n', 'filtr'],
    ['double-quoted with an escaped line break', '"selection and fil\\\n    tr"', 'fil\\\n    tr'],
    ['literal block', '|\n    selection\n    and filtr\n', 'filtr'],
    ['folded block', '>-\n    selection and\n    not\n    filtr\n', 'filtr'],
    ['folded block with an empty line', '>\n    selection\n\n    and filtr\n', 'filtr'],
  ];
  it.each(cases)('%s', (_, source, expected) => {
    const { diagnostics, at } = located(source);
    expect(diagnostics.map((d) => [d.id, at(d.span)])).toEqual([['condition/undefined-identifier', expected]]);
  });

  it("counts `''` as one character of the condition", () => {
    const { diagnostics, at } = located("'x''y and filtr'");
    expect(diagnostics.map((d) => [d.id, at(d.span)])).toEqual([
      ['condition/syntax', "x''y"],
      ['condition/undefined-identifier', 'filtr'],
    ]);
  });

  it('gives line, column and end of a name on a continuation line', () => {
    const { diagnostics, file } = located('selection and\n    filtr\n');
    const line = file.position(HEAD.length).line + 1;
    expect(diagnostics[0].span).toMatchObject({ line, column: 5, endLine: line, endColumn: 10 });
    expect(diagnostics[0]).toMatchObject({
      file: 'rules/r.yml',
      severity: 'error',
      message: '`filtr` is not a search identifier of this detection.',
      hint: 'Did you mean `filter`?',
    });
  });

  it('points just after the last token when the condition ends too early', () => {
    const { diagnostics, file } = located("'selection and'");
    const end = HEAD.length + "'selection and".length;
    expect(diagnostics.map((d) => d.id)).toEqual(['condition/syntax']);
    expect(diagnostics[0].span).toEqual(file.span(end, end));
  });

  it('offers a fix for an uppercase operator where the text is unescaped', () => {
    const plain = located("'selection AND filter'");
    expect(plain.diagnostics[0].fix).toEqual([{ offset: HEAD.length + 11, endOffset: HEAD.length + 14, text: 'and' }]);
    const escaped = located('"selection \\x41ND filter"');
    expect(escaped.diagnostics.map((d) => [d.id, escaped.at(d.span)])).toEqual([['condition/uppercase-operator', '\\x41ND']]);
    expect(escaped.diagnostics[0].fix).toBeUndefined();
  });
});

describe('expression located in the file', () => {
  function spansOf(node: ConditionExpression, at: (span: ConditionExpression['span']) => string): string[] {
    const own = at(node.span);
    if (node.type === 'and' || node.type === 'or') return [own, ...node.operands.flatMap((n) => spansOf(n, at))];
    if (node.type === 'not') return [own, ...spansOf(node.operand, at)];
    return [own];
  }

  it('maps every node to its text', () => {
    const { expression, at, diagnostics } = located('>\n    selection and\n    not 1 of filter*\n');
    expect(diagnostics).toEqual([]);
    expect(spansOf(expression!, at)).toEqual([
      'selection and\n    not 1 of filter*',
      'selection',
      'not 1 of filter*',
      '1 of filter*',
    ]);
  });
});

describe('scalars that do not decode to the condition', () => {
  it('point at the whole scalar', () => {
    const { file, scalar } = rule("'selection and filter'");
    const locator = conditionLocator(scalar, 'something else', file);
    expect(locator.exact).toBe(false);
    expect(locator.span(3, 5)).toEqual(scalar.span);
  });
});

describe('locator from a span', () => {
  it('reads the style and the source from the file', () => {
    const { file, scalar, value } = rule('"selection and\\tfiltr"');
    const fromSpan = conditionLocatorAt(file, scalar.span, value);
    const fromScalar = conditionLocator(scalar, value, file);
    expect(fromSpan.exact).toBe(true);
    for (let offset = 0; offset <= value.length; offset++) expect(fromSpan.fileOffset(offset)).toBe(fromScalar.fileOffset(offset));
  });
});

describe('decoding scalars', () => {
  // Each source is decoded and compared with what js-yaml reads for the same text.
  const sources = [
    'a  b',
    'a\n  b\n\n  c',
    'a \n\n\n  b',
    "'a''b\n  c  '",
    "'  lead\n   \n  x'",
    '"a\\\\b\\"c\\/d\\u263A\\U0001F600\\x20e\\0"',
    '"tab\\tin \\\n   joined"',
    '"a\n\n  b"',
    '|\n  one\n   two\n\n  three\n',
    '|-\n  one\n  two\n\n',
    '|+\n  one\n\n',
    '>\n  one\n  two\n\n  three\n   indented\n  four\n',
    '>-\n\n  one\n  two',
    '|2\n    deeper\n  base\n',
  ];
  it.each(sources)('%j', (source) => {
    const expected = (yaml.load(`k: ${source}`) as { k: string }).k;
    const styles: Record<string, ScalarStyle> = { "'": 'single', '"': 'double', '|': 'literal', '>': 'folded' };
    const decoded = decodeScalar(source.trimEnd(), styles[source[0]] ?? 'plain', 0);
    expect(decoded.value.trimEnd()).toBe(expected.trimEnd());
    expect(decoded.starts).toHaveLength(decoded.value.length);
    for (let i = 0; i < decoded.value.length; i++) {
      expect(decoded.ends[i]).toBeGreaterThan(decoded.starts[i]);
      // Characters come from the source in order; an escape may produce two characters from the same text.
      if (i > 0) expect(decoded.starts[i]).toBeGreaterThanOrEqual(decoded.starts[i - 1]);
    }
  });
});

describe('with the scalars the YAML loader builds', () => {
  // The loader's located tree (src/rule/yaml-load.ts) gives the scalar; the locator must agree with its conventions.
  const conditions: [string, string][] = [
    ['plain', 'selection and filtr'],
    ['plain over two lines', 'selection and\n        filtr'],
    ['single-quoted', "'selection and filtr'"],
    ['double-quoted', '"selection\\tand filtr"'],
    ['literal block', '|\n        selection\n        and filtr'],
    ['folded block, stripped', '>-\n        selection and\n        filtr'],
    ['folded block, then a comment', '> # the condition\n        selection and\n\n        filtr\n    # trailing comment'],
  ];
  it.each(conditions)('%s', (_, written) => {
    const text = `title: t\ndetection:\n    selection: {EventID: 1}\n    filter: {EventID: 2}\n    condition: ${written}\nlevel: low\n`;
    const file = new SourceFile('r.yml', '/r.yml', text);
    const root = parseYamlDocuments(file).documents[0].root;
    if (root.kind !== 'map') throw new Error('expected a mapping');
    const detection = mapGet(root, 'detection');
    if (detection?.kind !== 'map') throw new Error('expected a detection mapping');
    const scalar = mapGet(detection, 'condition');
    if (scalar?.kind !== 'scalar') throw new Error('expected a scalar condition');
    const result = parseConditionScalar(scalar, String(scalar.value), NAMES, file);
    expect(result.diagnostics.map((d) => [d.id, text.slice(d.span.offset, d.span.endOffset)])).toEqual([
      ['condition/undefined-identifier', 'filtr'],
    ]);
    expect(conditionLocator(scalar, String(scalar.value), file).exact).toBe(true);
  });
});

describe('decoding any condition written in any scalar style', () => {
  const piece = fc.constantFrom('sel', 'and', 'or', 'not', '(', ')', "'", '"', '\\', '\t', 'é', '1 of x*', '#', '😀', ':');
  const words = fc.array(piece, { minLength: 1, maxLength: 10 }).map((parts) => parts.join(' '));

  function doubleQuoted(value: string, escapeEvery: number): string {
    let out = '"';
    [...value].forEach((c, i) => {
      if (c === '"' || c === '\\') out += `\\${c}`;
      else if (c === '\t') out += '\\t';
      else if (escapeEvery > 0 && i % escapeEvery === 0) out += c.length === 2 ? `\\U${c.codePointAt(0)!.toString(16).padStart(8, '0')}` : `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
      else out += c;
    });
    return `${out}"`;
  }

  const written = fc.oneof(
    words.map((value) => ({ style: 'single' as const, source: `'${value.replace(/'/g, "''")}'` })),
    fc.tuple(words, fc.nat(4)).map(([value, every]) => ({ style: 'double' as const, source: doubleQuoted(value, every) })),
    words.map((value) => ({ style: 'literal' as const, source: `|-\n  ${value.trim() || 'x'}` })),
    fc.array(words, { minLength: 1, maxLength: 4 }).map((lines) => ({
      style: 'folded' as const,
      source: `>-\n${lines.map((line) => `  ${line.trim().replace(/^#/, 'x') || 'x'}`).join('\n')}`,
    })),
  );

  it('gives the value js-yaml reads, each character traced to its source', () => {
    fc.assert(
      fc.property(written, ({ style, source }) => {
        const expected = (yaml.load(`k: ${source}\n`) as { k: string }).k;
        const decoded = decodeScalar(source, style, 0);
        expect(decoded.value).toBe(expected);
        for (let i = 0; i < decoded.value.length; i++) {
          const raw = source.slice(decoded.starts[i], decoded.ends[i]);
          // A character comes from itself, from an escape, from `''`, or (folded) from a line break.
          const decodedHere = decoded.value[i];
          const plausible =
            raw === decodedHere ||
            raw.startsWith('\\') ||
            raw === "''" ||
            (/^\r?\n/.test(raw) && (decodedHere === ' ' || decodedHere === '\n')) ||
            raw === [...source.slice(decoded.starts[i])][0];
          expect(plausible, `character ${i} (${JSON.stringify(decodedHere)}) from ${JSON.stringify(raw)}`).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('plain conditions written as they read', () => {
  it('map every position as the decoded scalar does', () => {
    fc.assert(fc.property(fc.stringMatching(/^[a-z_(][a-z_ ()*|0-9]{0,40}[a-z_)0-9]$/), (condition) => {
      const { file, scalar } = rule(condition);
      fc.pre(scalar.value === condition && scalar.source === condition);
      const decoded = decodeScalar(scalar.source, 'plain', 2);
      expect(decoded.value).toBe(condition);
      const locator = conditionLocator(scalar, condition, file);
      const base = scalar.span.offset;
      const last = condition.length - 1;
      expect(locator.exact).toBe(true);
      for (let offset = -1; offset <= condition.length + 1; offset++) {
        const start = offset <= last ? base + decoded.starts[Math.max(0, offset)] : base + decoded.ends[last];
        const end = offset <= 0 ? start : base + decoded.ends[Math.min(offset, last + 1) - 1];
        expect([locator.fileOffset(offset), locator.fileEndOffset(offset)]).toEqual([start, end]);
        expect(locator.span(0, offset)).toEqual(file.span(base, Math.max(base, offset > 0 ? end : base)));
      }
    }));
  });
});
