import { describe, expect, it } from 'vitest';
import { formatTrace, LISTED_VALUES, summarizeTrace } from './trace.js';
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

  describe('long value lists', () => {
    const tools = Array.from({ length: 1200 }, (_, i) => `tool-${i}.exe`);
    const valueLines = (text: string) => text.split('\n').filter((l) => /^ {8}[✓✗] /.test(l));

    it('lists the value that matched first, then others up to the limit, and counts the rest', () => {
      const list = compiled(`selection:\n  CommandLine|contains:\n${tools.map((t) => `    - '${t}'`).join('\n')}\ncondition: selection`);
      const text = formatTrace(list.explain({ CommandLine: 'C:\\Temp\\TOOL-777.EXE --dump' }));
      expect(text).toContain('✓ CommandLine|contains (line 6): event "C:\\\\Temp\\\\TOOL-777.EXE --dump"; rule any of 1,200 values');
      const lines = valueLines(text);
      expect(lines).toHaveLength(LISTED_VALUES);
      expect(lines[0].trim()).toBe('✓ *tool-777.exe*');
      expect(lines.slice(1).every((l) => l.trim().startsWith('✗'))).toBe(true);
      expect(text).toContain('… and 1,190 more values that do not match');
    });

    it('lists the missing values of `all` first, and says how many of the rest match', () => {
      const words = Array.from({ length: 14 }, (_, i) => `word${i}`);
      const all = compiled(`selection:\n  CommandLine|contains|all:\n${words.map((w) => `    - '${w}'`).join('\n')}\ncondition: selection`);
      // Every word but word3 and word12; both missing ones come first, then the present ones in rule order.
      const present = words.filter((w) => w !== 'word3' && w !== 'word12').join(' ');
      const text = formatTrace(all.explain({ CommandLine: present }));
      expect(valueLines(text).map((l) => l.trim())).toEqual(['✗ *word3*', '✗ *word12*', ...['0', '1', '2', '4', '5', '6', '7', '8'].map((n) => `✓ *word${n}*`)]);
      expect(text).toContain('… and 4 more values that match');
    });

    it('counts a remainder of both kinds', () => {
      const list = compiled(`selection:\n  CommandLine|contains:\n${tools.slice(0, 30).map((t) => `    - '${t}'`).join('\n')}\ncondition: selection`);
      // tool-1.exe and tool-1X.exe: eleven values match, one more than are listed.
      const text = formatTrace(list.explain({ CommandLine: Array.from({ length: 10 }, (_, i) => `tool-1${i}.exe`).join(' ') + ' tool-1.exe' }));
      expect(valueLines(text).every((l) => l.trim().startsWith('✓'))).toBe(true);
      expect(text).toContain('… and 20 more values, 1 of which matches');
    });

    it('lists every value of a short list, in rule order', () => {
      const short = compiled(`selection:\n  CommandLine|contains:\n${tools.slice(0, LISTED_VALUES).map((t) => `    - '${t}'`).join('\n')}\ncondition: selection`);
      const lines = valueLines(formatTrace(short.explain({ CommandLine: 'tool-9.exe' })));
      expect(lines.map((l) => l.trim())).toEqual(tools.slice(0, LISTED_VALUES).map((t, i) => `${i === 9 ? '✓' : '✗'} *${t}*`));
      expect(formatTrace(short.explain({ CommandLine: 'x' }))).not.toContain('more value');
    });
  });
});
