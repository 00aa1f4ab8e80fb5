import { describe, expect, it } from 'vitest';
import { loadSnippets } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import { perRule } from './per-rule.js';

describe('perRule', () => {
  it('computes once per rule, whether the rule was asked for last or earlier', () => {
    const [a] = loadSnippets([{ path: 'rules/x/proc_creation_win_a.yml', code: BASE }]);
    const [b] = loadSnippets([{ path: 'rules/x/proc_creation_win_b.yml', code: edit('Suspicious Example Process Start', 'Another Example Process Start') }]);
    const computed: string[] = [];
    const titleOf = perRule((rule) => {
      computed.push(rule.file.path);
      return rule.title?.value;
    });
    expect([titleOf(a), titleOf(a), titleOf(b), titleOf(a), titleOf(b)]).toEqual([
      'Suspicious Example Process Start',
      'Suspicious Example Process Start',
      'Another Example Process Start',
      'Suspicious Example Process Start',
      'Another Example Process Start',
    ]);
    expect(computed).toEqual(['rules/x/proc_creation_win_a.yml', 'rules/x/proc_creation_win_b.yml']);
  });

  it('keeps an undefined result too', () => {
    const [a] = loadSnippets([{ path: 'rules/x/proc_creation_win_a.yml', code: BASE }]);
    const [b] = loadSnippets([{ path: 'rules/x/proc_creation_win_b.yml', code: BASE }]);
    let calls = 0;
    const nothing = perRule(() => {
      calls++;
      return undefined;
    });
    for (const rule of [a, b, a, b]) expect(nothing(rule)).toBeUndefined();
    expect(calls).toBe(2);
  });
});
