import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync, mkdirSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverRuleFiles, loadRuleFile, loadRuleText, PathNotFoundError } from './load.js';
import type { DetectionRule } from './model.js';

const RULE = `title: Failed device join
id: 5b1c0f2e-8f6a-4c5e-9a53-0c2a1f9e7d11
status: experimental
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventID: 204
        Message|contains: 'join'
    condition: selection
level: high
`;

function ids(text: string): [string, number, number][] {
  return loadRuleText('rule.yml', text).diagnostics.map((d) => [d.id, d.span.line, d.span.column]);
}

describe('the rule model', () => {
  it('builds a detection rule with located metadata, searches and condition', () => {
    const file = loadRuleText('rules/udr.yml', RULE);
    expect(file.diagnostics).toEqual([]);
    const rule = file.rules[0] as DetectionRule;
    expect(rule.kind).toBe('detection');
    expect(rule.title).toMatchObject({ value: 'Failed device join', span: { line: 1, column: 8 } });
    expect(rule.level?.value).toBe('high');
    expect(rule.logsource.service?.value).toBe('user-device-registration');
    const [search] = rule.detection.searches;
    expect(search.name).toBe('selection');
    const [eventId, message] = search.alternatives[0];
    expect(eventId).toMatchObject({ field: 'EventID', modifiers: [], values: [{ value: 204 }], linking: 'or', negated: false });
    expect(message.field).toBe('Message');
    expect(message.modifiers).toMatchObject([{ name: 'contains', span: { line: 10, column: 17, endColumn: 25 } }]);
    expect(message.fieldSpan).toMatchObject({ line: 10, column: 9, endColumn: 16 });
    const condition = rule.detection.conditions[0];
    expect(condition.expression).toMatchObject({ type: 'identifier', name: 'selection', span: { line: 11, column: 16, endColumn: 25 } });
  });

  it('tells detection, correlation and filter rules apart in one multi-document file', () => {
    const text = `${RULE}---
title: Many failed joins
correlation:
    type: event_count
    rules: [5b1c0f2e-8f6a-4c5e-9a53-0c2a1f9e7d11]
    group-by: [Computer]
    timespan: 1h
    condition: {gte: 10}
---
title: Ignore lab machines
logsource:
    product: windows
filter:
    rules: any
    selection:
        Computer|startswith: 'LAB-'
    condition: not selection
`;
    const file = loadRuleText('rules/mixed.yml', text);
    expect(file.diagnostics).toEqual([]);
    expect(file.rules.map((r) => [r.kind, r.documentIndex])).toEqual([['detection', 0], ['correlation', 1], ['filter', 2]]);
    const correlation = file.rules[1];
    expect(correlation.kind === 'correlation' && correlation.correlation).toMatchObject({
      type: { value: 'event_count' }, groupBy: [{ value: 'Computer' }], timespan: { value: '1h', seconds: 3600 },
      condition: { operators: [{ op: 'gte', value: 10 }] },
    });
    const filter = file.rules[2];
    expect(filter.kind === 'filter' && filter.filterRules).toBe('any');
  });

  it('reads search shapes: list of maps, keywords, and field-less modifiers', () => {
    const file = loadRuleText('r.yml', `title: t
logsource: {product: windows}
detection:
    alternatives:
        - {A: 1}
        - {B: 2, C: 3}
    keywords:
        - 'mimikatz'
        - 'sekurlsa'
    both:
        '|all': ['x', 'y']
    condition: 1 of alternatives or keywords or both
`);
    expect(file.diagnostics).toEqual([]);
    const [alternatives, keywords, both] = (file.rules[0] as DetectionRule).detection.searches;
    expect(alternatives.alternatives.map((a) => a.map((i) => i.field))).toEqual([['A'], ['B', 'C']]);
    expect(keywords.alternatives).toMatchObject([[{ field: null, values: [{ value: 'mimikatz' }, { value: 'sekurlsa' }] }]]);
    expect(both.alternatives).toMatchObject([[{ field: null, linking: 'and', modifiers: [{ name: 'all' }] }]]);
  });

  it('merges legacy `action: global` templates and warns', () => {
    const text = `action: global
title: Shared
logsource: {product: windows}
detection:
    condition: selection
---
detection:
    selection: {EventID: 1}
---
detection:
    selection: {EventID: 2}
`;
    const file = loadRuleText('legacy.yml', text);
    expect(file.diagnostics.map((d) => [d.id, d.severity, d.span.line])).toEqual([['rule/legacy-action', 'warning', 1]]);
    expect(file.rules.map((r) => [r.title?.value, (r as DetectionRule).detection.searches[0].alternatives[0][0].values[0].value])).toEqual([
      ['Shared', 1],
      ['Shared', 2],
    ]);
  });
});

describe('bad input: each a located error, the rest of the file still read', () => {
  const table: { name: string; text: string; expected: [string, number, number][] }[] = [
    { name: 'broken YAML', text: 'title: t\ndetection: [\n', expected: [['yaml/syntax-error', 3, 1]] },
    { name: 'a document that is not a mapping', text: '- title: t\n', expected: [['rule/not-a-mapping', 1, 1]] },
    { name: 'a scalar document', text: 'just text\n', expected: [['rule/not-a-mapping', 1, 1]] },
    { name: 'no detection', text: 'title: t\nlogsource: {product: windows}\n', expected: [['rule/missing-detection', 1, 1]] },
    { name: 'an empty condition', text: 'title: t\nlogsource: {product: x}\ndetection:\n  sel: {A: 1}\n  condition: \'\'\n', expected: [['rule/empty-condition', 5, 14]] },
    { name: 'a missing condition value', text: 'title: t\nlogsource: {product: x}\ndetection:\n  sel: {A: 1}\n  condition:\n', expected: [['rule/empty-condition', 5, 3]] },
    { name: 'an undefined selection', text: 'title: t\nlogsource: {product: x}\ndetection:\n  sel: {A: 1}\n  condition: sel and filter\n', expected: [['condition/undefined-identifier', 5, 22]] },
    { name: 'an unknown modifier', text: 'title: t\nlogsource: {product: x}\ndetection:\n  sel:\n    A|contain: x\n  condition: sel\n', expected: [['modifier/unknown', 5, 7]] },
    { name: 'duplicate keys', text: 'title: t\nlogsource: {product: x}\ndetection:\n  sel:\n    A: 1\n    A: 2\n  condition: sel\n', expected: [['yaml/duplicate-key', 6, 5]] },
    { name: 'an empty file', text: '# nothing here\n', expected: [['rule/empty-file', 1, 1]] },
  ];
  it.each(table)('$name', ({ text, expected }) => {
    expect(ids(text)).toEqual(expected);
  });

  it('locates condition errors through quoting and folded block scalars', () => {
    expect(ids("title: t\nlogsource: {product: x}\ndetection:\n  sel: {A: 1}\n  condition: 'sel and ''x'''\n")[0]).toEqual(['condition/syntax', 5, 23]);
    expect(ids('title: t\nlogsource: {product: x}\ndetection:\n  sel: {A: 1}\n  condition: >\n    sel and\n    filter\n')).toEqual([
      ['condition/undefined-identifier', 7, 5],
    ]);
  });

  it('warns about a Sigma v1 `timeframe` and does not read it as a search', () => {
    expect(ids('title: t\nlogsource: {product: x}\ndetection:\n  sel: {A: 1}\n  timeframe: 5m\n  condition: sel\n')).toEqual([['rule/legacy-timeframe', 5, 3]]);
  });

  it('reports several condition errors at once', () => {
    const found = ids('title: t\nlogsource: {product: x}\ndetection:\n  sel: {A: 1}\n  condition: a or b\n');
    expect(found).toEqual([['condition/undefined-identifier', 5, 14], ['condition/undefined-identifier', 5, 19]]);
  });
});

describe('files on disk', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rulecheck-load-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reports non-UTF-8 bytes at the first bad byte', () => {
    const path = join(dir, 'latin1.yml');
    writeFileSync(path, Buffer.concat([Buffer.from('title: t\nauthor: Jos'), Buffer.from([0xe9]), Buffer.from('\n')]));
    const file = loadRuleFile(path, dir);
    expect(file.diagnostics.map((d) => [d.id, d.span.line, d.span.column, d.file])).toEqual([['file/not-utf8', 2, 12, 'latin1.yml']]);
    expect(file.rules).toEqual([]);
    const utf16 = join(dir, 'utf16.yml');
    writeFileSync(utf16, Buffer.from('\ufefftitle: t\n', 'utf16le'));
    expect(loadRuleFile(utf16, dir).diagnostics.map((d) => [d.id, d.span.line, d.span.column, d.hint])).toEqual([
      ['file/not-utf8', 1, 1, 'The file looks like UTF-16; re-save it as UTF-8.'],
    ]);
  });

  it('skips a 50 MB file with a located error, without reading it', () => {
    const path = join(dir, 'huge.yml');
    const fd = openSync(path, 'w');
    const chunk = Buffer.alloc(1024 * 1024, 'a');
    for (let i = 0; i < 50; i++) writeSync(fd, chunk);
    closeSync(fd);
    const started = performance.now();
    const file = loadRuleFile(path, dir);
    expect(performance.now() - started).toBeLessThan(500);
    expect(file.diagnostics.map((d) => [d.id, d.span.line, d.span.column])).toEqual([['file/too-large', 1, 1]]);
    expect(file.diagnostics[0].message).toContain('50 MB');
  });

  it('shows each file relative to the working directory, inside it, below it and beside it', () => {
    mkdirSync(join(dir, 'shown/deep/er'), { recursive: true });
    mkdirSync(join(dir, 'beside'), { recursive: true });
    for (const path of ['shown/top.yml', 'shown/deep/er/a.yml', 'shown/deep/er/b.yml', 'beside/c.yml']) writeFileSync(join(dir, path), RULE);
    const cwd = join(dir, 'shown');
    expect(['shown/top.yml', 'shown/deep/er/a.yml', 'shown/deep/er/b.yml', 'beside/c.yml'].map((path) => loadRuleFile(join(dir, path), cwd).source.path))
      .toEqual(['top.yml', 'deep/er/a.yml', 'deep/er/b.yml', '../beside/c.yml']);
    expect(loadRuleFile(join(dir, 'shown/deep/er/a.yml'), join(dir, 'shown/deep/er')).source.path).toBe('a.yml');
  });

  it('discovers .yml and .yaml files, sorted, and refuses a missing path', async () => {
    mkdirSync(join(dir, 'rules/sub'), { recursive: true });
    writeFileSync(join(dir, 'rules/b.yaml'), RULE);
    writeFileSync(join(dir, 'rules/sub/a.yml'), RULE);
    writeFileSync(join(dir, 'rules/readme.md'), 'x');
    expect(discoverRuleFiles(['rules'], dir)).toEqual([join(dir, 'rules/b.yaml'), join(dir, 'rules/sub/a.yml')]);
    expect(() => discoverRuleFiles(['nope'], dir)).toThrow(PathNotFoundError);
  });

  it('counts links to rule files, reports broken and looping links, and does not follow links to folders', async () => {
    mkdirSync(join(dir, 'linked/sub'), { recursive: true });
    writeFileSync(join(dir, 'real.yml'), RULE);
    symlinkSync(join(dir, 'real.yml'), join(dir, 'linked/good.yml'));
    symlinkSync(join(dir, 'missing.yml'), join(dir, 'linked/broken.yml'));
    symlinkSync('loop-b.yml', join(dir, 'linked/loop-a.yml'));
    symlinkSync('loop-a.yml', join(dir, 'linked/loop-b.yml'));
    symlinkSync(join(dir, 'linked'), join(dir, 'linked/sub/up.yml'));
    const found = discoverRuleFiles(['linked'], dir);
    expect(found.map((f) => relative(dir, f))).toEqual(['linked/broken.yml', 'linked/good.yml', 'linked/loop-a.yml', 'linked/loop-b.yml']);
    expect(loadRuleFile(found[1], dir).rules).toHaveLength(1);
    expect(loadRuleFile(found[0], dir).diagnostics.map((d) => d.message)).toEqual([`This file cannot be read: it is a link to \`${join(dir, 'missing.yml')}\`, which does not exist.`]);
    expect(loadRuleFile(found[2], dir).diagnostics.map((d) => d.message)).toEqual(['This file cannot be read: its symbolic links form a loop.']);
  });
});
