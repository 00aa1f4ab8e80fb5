import { describe, expect, it } from 'vitest';
import { formatTrace, summarizeTrace } from './trace.js';
import { compiled } from './test-helpers.js';

const rule = compiled(
  `selection:\n  Image|endswith: '\\cmd.exe'\n  CommandLine|contains|all:\n    - '/c'\n    - whoami\nfilter:\n  User|neq: SYSTEM\ncondition: selection and not filter`,
  {},
  'product: windows\ncategory: process_creation',
);

describe('explain', () => {
  it('records every item and value with the event value beside the rule value', () => {
    const trace = rule.explain({ EventID: 4688, NewProcessName: 'C:\\Windows\\cmd.exe', CommandLine: 'cmd /c hostname', User: 'alice' });
    expect(trace.matched).toBe(false);
    expect(trace.logsource).toMatchObject({ mode: 'default', known: true, passed: true, used: 'process_creation (security)' });
    const [selection, filter] = trace.searches;
    expect(selection.name).toBe('selection');
    expect(selection.matched).toBe(false);
    const [image, cli] = selection.alternatives[0].items;
    expect(image).toMatchObject({ field: 'Image', eventField: 'NewProcessName', present: true, eventValue: 'C:\\Windows\\cmd.exe', matched: true, line: 7 });
    expect(cli).toMatchObject({ field: 'CommandLine', key: 'CommandLine|contains|all', linking: 'and', matched: false });
    expect(cli.values).toEqual([
      { label: '*/c*', matched: true },
      { label: '*whoami*', matched: false },
    ]);
    expect(filter.alternatives[0].items[0]).toMatchObject({ negated: true, matched: true });
    expect(trace.conditions).toEqual([{ text: 'selection and not filter', matched: false }]);
  });

  it('agrees with matches() on matching and failing events', () => {
    const events = [
      { EventID: 1, Image: 'C:\\x\\cmd.exe', CommandLine: 'cmd /c whoami', User: 'alice' },
      { EventID: 1, Image: 'C:\\x\\cmd.exe', CommandLine: 'cmd /c whoami', User: 'system' },
      { EventID: 3, Image: 'C:\\x\\cmd.exe', CommandLine: 'cmd /c whoami', User: 'alice' },
      { Image: 'C:\\x\\cmd.exe', CommandLine: 'cmd /c whoami' },
    ];
    for (const e of events) expect(rule.explain(e).matched).toBe(rule.matches(e));
  });

  it('formats as text, and summarises a failure in one sentence', () => {
    const trace = rule.explain({ EventID: 1, Image: 'C:\\x\\cmd.exe', CommandLine: 'cmd /c hostname', User: 'alice' });
    const text = formatTrace(trace);
    expect(text.split('\n')[0]).toBe('✗ Engine test does not match');
    expect(text).toContain('✗ CommandLine|contains|all (line 8): event "cmd /c hostname"; rule all of 2 values');
    expect(text).toContain('✗ *whoami*');
    expect(text).toContain('✓ condition: selection and not filter'.replace('✓', '✗'));
    expect(summarizeTrace(trace)).toBe('selection: CommandLine is "cmd /c hostname", rule wants */c*, *whoami*');
    const other = rule.explain({ EventID: 3, Image: 'C:\\x\\cmd.exe' });
    expect(summarizeTrace(other)).toBe("the event is not from the rule's log source: EventID is 3, expected one of [1]");
    expect(formatTrace(other)).toContain('✗ process_creation (sysmon): EventID 3 ∉ [1]; Channel absent, not checked');
  });
});
