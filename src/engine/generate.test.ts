import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DetectionRule } from '../rule/model.js';
import { compileRule } from './compile.js';
import { toSigmaEvent } from './event.js';
import { compiled, compileSigmaHqRules, fieldLiterals, SIGMAHQ_WINDOWS } from './test-helpers.js';

/** The same rule compiled twice: closures only, and its generated function from the first evaluation. */
function bothWays(rule: DetectionRule) {
  return { closures: compileRule(rule, { generateAfter: Infinity }), generated: compileRule(rule, { generateAfter: 0 }) };
}

describe('generated rule functions', () => {
  const cases: [string, string, Record<string, unknown>[]][] = [
    ['short OR list', `s:\n  Image|endswith: ['\\cmd.exe', '\\pwsh.exe']\ncondition: s`, [{ Image: 'C:\\X\\CMD.EXE' }, { Image: 'cmd.exe' }, { Image: ['a', 'b\\pwsh.exe'] }, { Image: 5 }, {}]],
    ['long OR list (a set)', `s:\n  Image|endswith: ['\\a.exe', '\\b.exe', '\\c.exe', '\\d.exe', '\\e.exe', '\\f.exe', '\\g.exe']\ncondition: s`, [{ Image: 'x\\G.exe' }, { Image: 'x\\h.exe' }]],
    ['all', `s:\n  CommandLine|contains|all: ['-enc', 'hidden']\ncondition: s`, [{ CommandLine: 'x -ENC y -w hidden' }, { CommandLine: 'x -enc' }]],
    ['negated item (not a search, a value: |neq)', `s:\n  User|neq: SYSTEM\ncondition: s`, [{ User: 'system' }, { User: 'alice' }, {}]],
    ['not over a search', `a:\n  Image|endswith: '\\net.exe'\nf:\n  User: SYSTEM\ncondition: a and not f`, [{ Image: 'c:\\net.exe', User: 'SYSTEM' }, { Image: 'c:\\net.exe', User: 'bob' }, { Image: 'c:\\net.exe' }]],
    ['search used twice', `a:\n  Image|endswith: '\\net.exe'\nb:\n  CommandLine|contains: user\ncondition: (a and b) or (a and not b)`, [{ Image: 'c:\\net.exe' }, { Image: 'c:\\x.exe', CommandLine: 'user' }]],
    ['1 of / all of', `sel_a:\n  A: x\nsel_b:\n  B: y\ncondition: 1 of sel_* and not all of sel_*`, [{ A: 'x' }, { A: 'x', B: 'y' }, {}]],
    ['numbers and null', `s:\n  EventID: 4688\n  Token: null\ncondition: s`, [{ EventID: '4688' }, { EventID: 4688, Token: 'x' }]],
    ['keywords', `k:\n  - mimikatz\n  - 'sekurlsa::'\ncondition: k`, [{ a: 'run MIMIKATZ' }, { a: { b: ['sekurlsa::logonpasswords'] } }, { a: 'nothing' }]],
    ['regex and wildcards', `s:\n  CommandLine|re: '\\s-e(nc)?\\s'\n  Image: 'C:\\*\\cmd.e?e'\ncondition: s`, [{ CommandLine: 'p -enc x', Image: 'C:\\w\\cmd.exe' }, { CommandLine: 'p -enc x', Image: 'C:\\w\\cmd.ex' }]],
    ['quotes and backslashes in values and field names', `s:\n  'we"ird\\field': 'a"b\\c'\ncondition: s`, [{ 'we"ird\\field': 'A"B\\C' }, { 'we"ird\\field': 'a"b' }]],
  ];
  it.each(cases)('%s: same outcome as the closures', (_name, detection, events) => {
    const rule = compiled(detection).rule as DetectionRule;
    const { closures, generated } = bothWays(rule);
    for (const raw of events) expect(generated.matches(raw), JSON.stringify(raw)).toBe(closures.matches(raw));
  });

  it('switches to the generated function after `generateAfter` evaluations, with the same results', () => {
    const rule = compiled(`s:\n  Image|endswith: '\\cmd.exe'\ncondition: s`).rule as DetectionRule;
    const c = compileRule(rule, { generateAfter: 3 });
    const outcomes = Array.from({ length: 6 }, (_, i) => c.matches({ Image: i % 2 ? 'x\\cmd.exe' : 'x\\sh.exe' }));
    expect(outcomes).toEqual([false, true, false, true, false, true]);
  });
});

const corpus = SIGMAHQ_WINDOWS;
if (!existsSync(corpus)) console.warn(`skipping generated functions on SigmaHQ rules: ${corpus} is not present`);

describe.skipIf(!existsSync(corpus))('generated functions on SigmaHQ Windows rules', () => {
  it('agree with the closures on events built from the rules’ own literals', async () => {
    const pairs = await compileSigmaHqRules(['process_creation', 'registry/registry_set', 'file/file_event'], bothWays);
    expect(pairs.length).toBeGreaterThan(1000);
    const literals = fieldLiterals(pairs.map((p) => p.closures));
    const value = fc.oneof(
      fc.constantFrom(...literals).map(([, text]) => text),
      fc.tuple(fc.constantFrom('C:\\Windows\\System32\\', 'x ', ''), fc.constantFrom(...literals), fc.constantFrom('', ' y', '.EXE')).map(([a, [, b], c]) => a + b + c),
      fc.integer({ min: 0, max: 5000 }),
      fc.array(fc.constantFrom(...literals).map(([, text]) => text), { maxLength: 2 }),
    );
    let matched = 0;
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.constantFrom(...literals), value, fc.boolean()), { minLength: 1, maxLength: 6 }), (entries) => {
        const raw: Record<string, unknown> = { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' };
        // Each chosen field holds either the literal itself (upper-cased) or another generated value.
        for (const [[field, text], v, own] of entries) raw[field] = own ? text.toUpperCase() : v;
        const event = toSigmaEvent(raw);
        for (const { closures, generated } of pairs) {
          const expected = closures.matches(event);
          if (expected) matched++;
          expect(generated.matches(event)).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
    expect(matched).toBeGreaterThan(20);
  });
});
