import { describe, expect, it } from 'vitest';
import { loadSnippets } from '../testing.js';
import { withDetection } from '../test-rules.js';
import { canonicalRule } from './canonical.js';

const logic = (detection: string) => canonicalRule(loadSnippets([{ path: 'rules/x/proc_creation_win_x.yml', code: withDetection(detection) }])[0]);

describe('canonical detection logic', () => {
  it('is the same for spellings that match the same events', () => {
    const a = logic("detection:\n    selection:\n        CommandLine|contains:\n            - 'run'\n            - 'go'\n            - 'go'\n        Image: '*\\x.exe'\n    condition: selection");
    const b = logic("detection:\n    sel:\n        Image|endswith: '\\x.exe'\n        CommandLine:\n            - '*go*'\n            - '*run**'\n    condition: sel");
    expect(a).toBe(b);
  });

  it('keeps wildcards live under windash and expand, and leading regex flags become modifiers', () => {
    expect(logic("detection:\n    s:\n        CommandLine|windash|contains: ' -x'\n    condition: s")).toBe(logic("detection:\n    s:\n        CommandLine|windash: '* -x*'\n    condition: s"));
    expect(logic("detection:\n    s:\n        CommandLine|re: '(?i)abc'\n    condition: s")).toBe(logic("detection:\n    s:\n        CommandLine|re|i: 'abc'\n    condition: s"));
  });

  it('tells apart rules that match different events', () => {
    const base = logic("detection:\n    s:\n        Image|endswith: '\\x.exe'\n    condition: s");
    expect(logic("detection:\n    s:\n        Image|startswith: '\\x.exe'\n    condition: s")).not.toBe(base);
    expect(logic("detection:\n    s:\n        Image|endswith|cased: '\\x.exe'\n    condition: s")).not.toBe(base);
    expect(logic("detection:\n    s:\n        Image|endswith: '\\x.exe'\n    condition: not s")).not.toBe(base);
    expect(logic("detection:\n    s:\n        Image|base64|contains: 'x'\n    condition: s")).not.toBe(logic("detection:\n    s:\n        Image|base64: '*x*'\n    condition: s"));
  });
});
