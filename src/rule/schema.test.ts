import { describe, expect, it } from 'vitest';
import { loadRuleText } from './load.js';

const BODY = `logsource:
    product: windows
detection:
    selection:
        EventID: 1
    condition: selection
`;

function findings(text: string): { id: string; message: string; at: string }[] {
  return loadRuleText('s.yml', text).diagnostics.map((d) => ({ id: d.id, message: d.message, at: `${d.span.line}:${d.span.column}` }));
}

describe('Sigma detection rule schema', () => {
  const table: { name: string; head: string; id: string; message: string; at: string }[] = [
    { name: 'level outside the enum', head: 'title: t\nlevel: severe\n', id: 'schema/not-allowed-value', at: '2:8',
      message: '`level` must be one of informational, low, medium, high, critical; found `severe`.' },
    { name: 'status outside the enum', head: 'title: t\nstatus: beta\n', id: 'schema/not-allowed-value', at: '2:9',
      message: '`status` must be one of stable, test, experimental, deprecated, unsupported; found `beta`.' },
    { name: 'id not a UUID', head: 'title: t\nid: not-a-uuid\n', id: 'schema/bad-format', at: '2:5',
      message: '`id` must be a UUID such as `5b1c0f2e-8f6a-4c5e-9a53-0c2a1f9e7d11`; found `not-a-uuid`.' },
    { name: 'date in another format', head: 'title: t\ndate: 2024/13/01\n', id: 'schema/bad-format', at: '2:7',
      message: '`date` must be a date written YYYY-MM-DD; found `2024/13/01`.' },
    { name: 'tag not lowercase', head: 'title: t\ntags:\n    - attack.execution\n    - Attack.T1059\n', id: 'schema/bad-format', at: '4:7',
      message: 'Each tag must be lowercase `namespace.name`, like `attack.t1059`; found `Attack.T1059`.' },
    { name: 'title not text', head: 'title: 42\n', id: 'schema/wrong-type', at: '1:8',
      message: '`title` must be text; found the number `42`.' },
    { name: 'title too long', head: `title: ${'x'.repeat(300)}\n`, id: 'schema/too-long', at: '1:8',
      message: '`title` must be at most 256 characters; it has 300.' },
    { name: 'references as a single string', head: 'title: t\nreferences: https://example.org\n', id: 'schema/wrong-type', at: '2:13',
      message: '`references` must be a list; found the text `https://example.org`.' },
    { name: 'duplicate reference', head: 'title: t\nreferences:\n    - https://a\n    - https://a\n', id: 'schema/duplicate-item', at: '4:7',
      message: '`references` lists `https://a` twice.' },
    { name: 'related without type', head: 'title: t\nrelated:\n    - id: 5b1c0f2e-8f6a-4c5e-9a53-0c2a1f9e7d11\n', id: 'schema/missing-key', at: '3:7',
      message: '`related[0]` needs `type`.' },
  ];
  it.each(table)('$name', ({ head, id, message, at }) => {
    expect(findings(head + BODY)).toEqual([{ id, message, at }]);
  });

  it('accepts an unquoted YAML date, a quoted one and custom attributes', () => {
    expect(findings(`title: t\ndate: 2024-01-05\nmodified: '2024-02-01'\nsimulation: {x: 1}\n${BODY}`)).toEqual([]);
  });

  it('needs a title and a logsource with category, product or service', () => {
    expect(findings('detection:\n    sel: {A: 1}\n    condition: sel\n')).toEqual([
      { id: 'schema/missing-key', message: 'A detection rule needs `logsource`.', at: '1:1' },
      { id: 'schema/missing-key', message: 'A detection rule needs `title`.', at: '1:1' },
    ]);
    expect(findings('title: t\nlogsource:\n    definition: x\ndetection:\n    sel: {A: 1}\n    condition: sel\n')).toEqual([
      { id: 'schema/wrong-shape', message: '`logsource` needs at least one of `category`, `product` or `service`.', at: '2:1' },
    ]);
  });

  it('suggests lowercase for an enum value in the wrong case', () => {
    const [d] = loadRuleText('s.yml', `title: t\nlevel: High\n${BODY}`).diagnostics;
    expect(d.hint).toBe('Write it in lowercase: `high`.');
  });
});

describe('Sigma correlation rule schema', () => {
  const base = (correlation: string) => `title: c\ncorrelation:\n${correlation}`;
  const table: { name: string; text: string; expected: { id: string; message: string; at: string }[] }[] = [
    { name: 'a valid event_count', text: base('    type: event_count\n    rules: [a]\n    group-by: [User]\n    timespan: 5m\n    condition: {gte: 3}\n'), expected: [] },
    { name: 'an unknown type', text: base('    type: event_sum\n    rules: [a]\n    group-by: [User]\n    timespan: 5m\n    condition: {gte: 3}\n'),
      expected: [{ id: 'schema/not-allowed-value', at: '3:11', message: '`correlation.type` must be one of event_count, value_count, temporal, temporal_ordered, value_sum, value_avg, value_percentile, value_median; found `event_sum`.' }] },
    { name: 'a bad timespan', text: base('    type: temporal\n    rules: [a, b]\n    group-by: [User]\n    timespan: 1.5h\n'),
      expected: [{ id: 'schema/bad-format', at: '6:15', message: '`correlation.timespan` must be a whole number followed by s, m, h or d, like `5m`; found `1.5h`.' }] },
    { name: 'value_count without field', text: base('    type: value_count\n    rules: [a]\n    group-by: [User]\n    timespan: 5m\n    condition: {gte: 3}\n'),
      expected: [{ id: 'schema/missing-key', at: '7:5', message: '`correlation.condition` of a value_* correlation needs `field`, the field whose values are counted or aggregated.' }] },
    { name: 'a condition without threshold', text: base('    type: event_count\n    rules: [a]\n    group-by: [User]\n    timespan: 5m\n    condition: {above: 3}\n'),
      expected: [
        { id: 'schema/wrong-shape', at: '7:16', message: '`correlation.condition` must be a threshold mapping such as `{gte: 10}` (or, for temporal types, a condition over the rules); found a mapping.' },
      ] },
    { name: 'missing group-by and timespan', text: base('    type: temporal\n    rules: [a, b]\n'),
      expected: [
        { id: 'schema/missing-key', at: '2:1', message: '`correlation` needs `group-by`.' },
        { id: 'schema/missing-key', at: '2:1', message: '`correlation` needs `timespan`.' },
      ] },
  ];
  it.each(table)('$name', ({ text, expected }) => {
    expect(findings(text)).toEqual(expected);
  });
});

describe('Sigma filter rule schema', () => {
  it('accepts `rules: any` and reports a missing `rules`', () => {
    const filter = (rules: string) => `title: f\nlogsource: {product: windows}\nfilter:\n${rules}    selection: {User: admin}\n    condition: not selection\n`;
    expect(findings(filter('    rules: any\n'))).toEqual([]);
    expect(findings(filter(''))).toEqual([{ id: 'schema/missing-key', message: '`filter` needs `rules`.', at: '3:1' }]);
  });
});

describe('rule bodies', () => {
  // Searches are validated only for their type (their contents are the rule builder's); the keys the schema
  // describes, `condition` and a filter's `rules`, in full.
  const table: { name: string; text: string; expected: [string, string, string][] }[] = [
    { name: 'a condition list holding a number', text: 'title: t\nlogsource: {product: windows}\ndetection:\n    sel: {A: 1}\n    condition: [sel, 3]\n',
      expected: [
        ['schema/wrong-shape', '`detection.condition` must be a condition string or a list of them; found a list.', '5:16'],
        ['rule/condition-not-text', 'A condition must be text; `3` is read as a number.', '5:22'],
      ] },
    { name: 'a filter listing a rule twice', text: 'title: f\nlogsource: {product: windows}\nfilter:\n    rules: [a, a]\n    selection: {User: admin}\n    condition: not selection\n',
      expected: [['schema/wrong-shape', '`filter.rules` must list rule ids or names, or be `any`; found a list.', '4:12']] },
    { name: 'nested values inside searches', text: 'title: t\nlogsource: {product: windows}\ndetection:\n    sel: {A: [1, {b: [2, null]}], C|contains: 2024-01-01}\n    other: [{x: 1}, 2]\n    condition: sel or other\n',
      expected: [['detection/unsupported-value', 'A value of `A` must be a string, number, boolean or null; a mapping has no meaning here.', '4:18']] },
  ];
  it.each(table)('$name', ({ text, expected }) => {
    expect(loadRuleText('s.yml', text).diagnostics.map((d) => [d.id, d.message, `${d.span.line}:${d.span.column}`])).toEqual(expected);
  });
});

describe('the compiled validators', () => {
  it('are current with schemas/ (regenerate with `npm run schemas`)', async () => {
    const { readFileSync } = await import('node:fs');
    const { generateSchemaValidators } = await import('./schema-codegen.js');
    const committed = readFileSync(new URL('./schema-validators.generated.ts', import.meta.url), 'utf8');
    expect(committed === generateSchemaValidators()).toBe(true);
  });
});
