import { existsSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileRule } from './compile.js';
import { toSigmaEvent } from './event.js';
import { KEYWORDS, requiredAlternatives, RuleIndex } from './index.js';
import { compiled, compileSigmaHqRules, fieldLiterals, SIGMAHQ_WINDOWS } from './test-helpers.js';

const PROC = 'product: windows\ncategory: process_creation';

describe('RuleIndex on hand-written rules', () => {
  const rules = {
    eventId: compiled(`s:\n  EventID: 4624\ncondition: s`, {}, 'product: windows\nservice: security'),
    suffix: compiled(`s:\n  Image|endswith: ['\\cmd.exe', '\\pwsh.exe']\ncondition: s`, {}, PROC),
    short: compiled(`s:\n  CommandLine|contains: ' /c'\ncondition: s`, {}, PROC),
    single: compiled(`s:\n  CommandLine|contains: '^'\ncondition: s`, {}, PROC),
    notOnly: compiled(`s:\n  User: SYSTEM\ncondition: not s`, {}, PROC),
    keyword: compiled(`k:\n  - mimikatz\ncondition: k`, {}, 'product: windows'),
    andPick: compiled(`a:\n  Image|endswith: '\\net.exe'\nb:\n  CommandLine|contains: ' user '\ncondition: a and b`, {}, PROC),
    cased: compiled(`s:\n  CommandLine|cased|contains: 'AbC'\ncondition: s`, {}, PROC),
    oneOf: compiled(
      `sel_a:\n  Image|endswith: '\\a.exe'\n  CommandLine|contains: ' -alpha '\nsel_b:\n  Image|endswith: '\\b.exe'\n  CommandLine|contains: ' -bravo '\ncondition: 1 of sel_*`,
      {},
      PROC,
    ),
  };
  const list = Object.values(rules);
  const index = new RuleIndex(list);
  const names = (event: unknown) => index.candidates(event).map((r) => Object.entries(rules).find(([, v]) => v === r)![0]);

  it('derives the literals a rule needs', () => {
    const texts = (alternatives: ReturnType<typeof requiredAlternatives>) => alternatives.map((conjunction) => conjunction.map((clause) => clause.map((a) => a.atom.text)));
    expect(requiredAlternatives(rules.eventId)).toEqual([[[{ field: 'EventID', atom: { kind: 'equals', text: '4624' } }]]]);
    expect(texts(requiredAlternatives(rules.suffix))).toEqual([[['\\cmd.exe', '\\pwsh.exe']]]);
    expect(requiredAlternatives(rules.notOnly)).toEqual([]);
    expect(requiredAlternatives(rules.keyword)).toEqual([[[{ field: KEYWORDS, atom: { kind: 'contains', text: 'mimikatz' } }]]]);
    // `and`: one alternative, both clauses, the rarer-looking first.
    expect(requiredAlternatives(rules.andPick)).toEqual([
      [[{ field: 'Image', atom: { kind: 'suffix', text: '\\net.exe' } }], [{ field: 'CommandLine', atom: { kind: 'contains', text: ' user ' } }]],
    ]);
    // `1 of`: one alternative per selection, each needing all of its literals (the longer substring looks rarer).
    expect(texts(requiredAlternatives(rules.oneOf))).toEqual([
      [[' -alpha '], ['\\a.exe']],
      [[' -bravo '], ['\\b.exe']],
    ]);
  });

  it('merges alternatives into one clause of their rarest literals beyond eight, and keeps the two rarest-looking clauses of each', () => {
    const selections = Array.from({ length: 9 }, (_, i) => `sel_${i}:\n  Image|endswith: '\\tool${i}.exe'\n  CommandLine|contains: ' -flag${i} '`).join('\n');
    const many = compiled(`${selections}\ncondition: 1 of sel_*`, {}, PROC);
    const alternatives = requiredAlternatives(many);
    expect(alternatives).toHaveLength(1);
    expect(alternatives[0]).toHaveLength(1);
    expect(alternatives[0][0]).toHaveLength(9);
    const wide = compiled(`s:\n  CommandLine|contains|all: ['alpha-one', 'beta-two', 'gamma-three', 'delta-four', 'epsilon-five']\ncondition: s`, {}, PROC);
    expect(requiredAlternatives(wide).map((conjunction) => conjunction.length)).toEqual([2]);
  });

  it('selects candidates by logsource and literals', () => {
    expect(names({ EventID: 4624, Channel: 'Security' })).toEqual(['eventId']);
    expect(names({ EventID: '4624', Channel: 'Security' })).toEqual(['eventId']);
    expect(names({ EventID: 4625, Channel: 'Security' })).toEqual([]);
    expect(names({ EventID: 1, Image: 'C:\\Windows\\CMD.EXE', CommandLine: 'cmd /c x' })).toEqual(['suffix', 'short', 'notOnly']);
    // Both of andPick's searches must find their literal: the image alone does not make it a candidate.
    expect(names({ EventID: 4688, NewProcessName: 'C:\\Windows\\net.exe', CommandLine: 'x^y' })).toEqual(['single', 'notOnly']);
    expect(names({ EventID: 4688, NewProcessName: 'C:\\Windows\\net.exe', CommandLine: 'net user bob' })).toEqual(['notOnly', 'andPick']);
    expect(names({ EventID: 1, CommandLine: 'xabcx' })).toEqual(['notOnly', 'cased']);
    expect(names({ EventID: 1, Details: { nested: ['run MIMIKATZ'] } })).toEqual(['notOnly', 'keyword']);
    // One selection of `1 of` complete: a candidate; literals of two selections, none complete: not one.
    expect(names({ EventID: 1, Image: 'C:\\x\\a.exe', CommandLine: 'a.exe -alpha 1' })).toEqual(['notOnly', 'oneOf']);
    expect(names({ EventID: 1, Image: 'C:\\x\\a.exe', CommandLine: 'a.exe -bravo 1' })).toEqual(['notOnly']);
  });

  it('gives the same matches as evaluating every rule', () => {
    const events = [
      { EventID: 4624, Channel: 'Security' },
      { EventID: 1, Image: 'C:\\Windows\\cmd.exe', CommandLine: 'cmd /c net user ^', User: 'alice' },
      { EventID: 4688, NewProcessName: 'C:\\Windows\\net.exe', CommandLine: 'net user bob /add', SubjectUserName: 'SYSTEM' },
      { EventID: 1, CommandLine: 'AbC mimikatz' },
    ];
    for (const e of events) {
      const event = toSigmaEvent(e);
      expect(index.match(event)).toEqual(list.filter((r) => r.matches(event)));
    }
  });
});

describe('RuleIndex keyword literals', () => {
  const keyword = compiled(`k:\n  - mimikatz\ncondition: k`, {}, 'product: windows');
  const other = compiled(`s:\n  CommandLine|contains: ' /c'\ncondition: s`, {}, PROC);
  const word = fc.constantFrom('MimiKatz', 'mimi', 'katz', 'C:\\Windows\\mimikatz.exe', 'cmd /c x', '', 'NT AUTHORITY');
  const text = fc.array(word, { maxLength: 3 }).map((parts) => parts.join(' '));
  const value = fc.oneof(text, fc.integer(), fc.array(text, { maxLength: 2 }), fc.record({ nested: text }));
  const event = fc.dictionary(fc.constantFrom('CommandLine', 'Image', 'User', 'Details', 'Data'), value, { maxKeys: 4 }).map((fields) => ({ EventID: 1, ...fields }));

  // With more than eight indexed fields the index walks the event's own fields, and searches the strings of
  // indexed fields for keywords one by one (remembered with their own literals); with few, it searches the
  // joined strings. `CommandLine`, `Image` and `User` are indexed here, `Details` and `Data` are not.
  const fieldRules = ['Image', 'User', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'].map((field) => compiled(`s:\n  ${field}|endswith: '.zzz'\ncondition: s`, {}, PROC));
  for (const [label, rules] of [
    ['few indexed fields', [keyword, other]],
    ['many indexed fields', [keyword, other, ...fieldRules]],
  ] as const)
    it(`makes a keyword rule a candidate exactly when some string of the event holds the literal, repeated or not (${label})`, () => {
      // Partition tables after a few events, so both the shared and the partition tables are exercised.
      const index = new RuleIndex([...rules], { partitionAfter: 3 });
      fc.assert(
        fc.property(event, (e) => {
          const expected = toSigmaEvent(e).strings().some((s) => s.toLowerCase().includes('mimikatz'));
          // Twice: the second lookup of each value comes from the index's memory of repeated values.
          for (let round = 0; round < 2; round++) expect(index.candidates(e).includes(keyword)).toBe(expected);
        }),
        { numRuns: 300 },
      );
    });

  it('searches raw text events and the fields of evtx records', () => {
    const index = new RuleIndex([keyword, other]);
    expect(index.candidates(toSigmaEvent('2024-05-06 sekurlsa MIMIKATZ run'))).toContain(keyword);
    expect(index.candidates(toSigmaEvent('2024-05-06 nothing here'))).not.toContain(keyword);
    const evtx = { Event: { System: { EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational' }, EventData: { Data: [{ '@Name': 'CommandLine', '#text': 'run mimikatz.exe' }] } } };
    expect(index.candidates(toSigmaEvent(evtx))).toContain(keyword);
  });
});

describe('RuleIndex memory of repeated values', () => {
  const rules = [
    compiled(`s:\n  Image|endswith: ['\\cmd.exe', '\\pwsh.exe']\ncondition: s`, {}, PROC),
    compiled(`s:\n  CommandLine|contains: ' /c'\ncondition: s`, {}, PROC),
    compiled(`s:\n  CommandLine|contains: 'deadbeef'\ncondition: s`, {}, PROC),
    compiled(`s:\n  ProcessId: 4242\ncondition: s`, {}, PROC),
  ];
  const events = [
    { EventID: 1, Image: 'C:\\Windows\\CMD.EXE', CommandLine: 'cmd /c dir', ProcessId: '4242' },
    { EventID: 1, Image: 'C:\\Windows\\cmd.exe', CommandLine: 'cmd /c dir', ProcessId: 4242 },
    { EventID: 1, Image: 'C:\\x\\pwsh.exe', CommandLine: 'x deadbeef', ProcessId: '17' },
    { EventID: 1, Image: 'C:\\x\\notepad.exe', CommandLine: 'notepad', ProcessId: '4242.0' },
  ];
  const names = (index: RuleIndex, event: unknown) => index.candidates(event).map((r) => rules.indexOf(r));

  it('gives the same candidates for a value seen before as for a new one', () => {
    const index = new RuleIndex(rules);
    const first = events.map((e) => names(index, e));
    for (let pass = 0; pass < 3; pass++) expect(events.map((e) => names(index, e))).toEqual(first);
    expect(first).toEqual(events.map((e) => names(new RuleIndex(rules), e)));
    expect(first).toEqual([[0, 1, 3], [0, 1, 3], [0, 2], [3]]);
  });

  it('stays exact when its memory fills and refills, for values that come back soon, late or never', () => {
    const index = new RuleIndex(rules);
    // 12,000 distinct command lines drawn at random (more than the memory holds), so values are kept, dropped
    // when it is cleared and looked up again.
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let i = 0; i < 40_000; i++) {
      const n = next() % 12_000;
      const line = n % 5 === 0 ? `task${n} /c run` : n % 13 === 0 ? `blob${n}deadbeef` : `svc${n}`;
      const got = names(index, { EventID: 1, CommandLine: line });
      const expected = n % 5 === 0 ? [1] : n % 13 === 0 ? [2] : [];
      if (got.join() !== expected.join()) expect({ i, line, got }).toEqual({ i, line, got: expected });
    }
  });

  it('stays exact while a field of unique values stops and restarts keeping them', () => {
    const index = new RuleIndex(rules);
    // Unique command lines (every 7th carries a literal): the field stops keeping values after a window of
    // lookups, then tries again; the candidates never change.
    for (let i = 0; i < 80_000; i++) {
      const line = i % 7 === 0 ? `x${i} /c y` : i % 11 === 0 ? `${i}deadbeef` : `run ${i}`;
      const got = names(index, { EventID: 1, CommandLine: line });
      const expected = i % 7 === 0 ? [1] : i % 11 === 0 ? [2] : [];
      if (got.join() !== expected.join()) expect({ i, got }).toEqual({ i, got: expected });
    }
  });
});

const corpus = SIGMAHQ_WINDOWS;
if (!existsSync(corpus)) console.warn(`skipping index equivalence on SigmaHQ rules: ${corpus} is not present`);

describe.skipIf(!existsSync(corpus))('RuleIndex on SigmaHQ Windows rules', () => {
  it('never drops a matching rule (generated events built from the rules’ own literals)', async () => {
    const rules = await compileSigmaHqRules(['process_creation', 'registry/registry_set', 'network_connection', 'file/file_event'], (rule) => compileRule(rule));
    expect(rules.length).toBeGreaterThan(1000);
    const index = new RuleIndex(rules);
    // The same index with per-logsource literal tables from the first event of each combination.
    const partitioned = new RuleIndex(rules, { partitionAfter: 1 });

    // Values taken from the rules' literals (so that rules do match) mixed with ordinary text.
    const literals = fieldLiterals(rules);
    const fields = ['Image', 'CommandLine', 'ParentImage', 'OriginalFileName', 'TargetObject', 'Details', 'TargetFilename', 'DestinationHostname', 'User'];
    const value = fc.oneof(
      fc.constantFrom(...literals).map(([, text]) => text),
      fc.tuple(fc.constantFrom('C:\\Windows\\System32\\', 'x ', ''), fc.constantFrom(...literals), fc.constantFrom('', ' y', '.exe')).map(([a, [, b], c]) => a + b + c),
      fc.string({ maxLength: 12 }),
    );
    const event = fc.record({
      EventID: fc.constantFrom(1, 3, 11, 13, 4688, '1'),
      Channel: fc.constantFrom('Microsoft-Windows-Sysmon/Operational', 'Security', undefined),
      fields: fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 5 }),
      literalField: fc.constantFrom(...literals),
    });
    let matched = 0;
    fc.assert(
      fc.property(event, ({ EventID, Channel, fields: f, literalField }) => {
        const raw: Record<string, unknown> = { EventID, ...f, [literalField[0]]: literalField[1] };
        if (Channel) raw.Channel = Channel;
        const e = toSigmaEvent(raw);
        const expected = rules.filter((r) => r.matches(e));
        matched += expected.length;
        expect(index.match(e)).toEqual(expected);
        expect(partitioned.match(e)).toEqual(expected);
      }),
      { numRuns: 400 },
    );
    expect(matched).toBeGreaterThan(50);
    expect(partitioned.stats().partitionTables).toBeGreaterThan(3);
  });
});

describe('RuleIndex literal lookups against plain string tests', () => {
  // Small alphabet: shared prefixes, suffixes and grams are frequent. No wildcard or escape characters.
  const text = (min: number, max: number) => fc.string({ unit: fc.constantFrom('a', 'b', 'c', '.', 'x', '-'), minLength: min, maxLength: max });
  const modifiers = ['startswith', 'endswith', 'contains', ''] as const;
  const yamlString = (s: string) => `'${s}'`;

  it('never drops a rule whose value matches (prefixes, suffixes, exact values and substrings of any length)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom(...modifiers), fc.array(text(1, 20), { minLength: 1, maxLength: 30 })), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(text(0, 12), text(0, 30), text(0, 12)), { minLength: 1, maxLength: 10 }),
        (specs, values) => {
          const rules = specs.map(([modifier, literals]) =>
            compiled(`s:\n  Field${modifier ? '|' + modifier : ''}:\n${literals.map((l) => `    - ${yamlString(l)}`).join('\n')}\ncondition: s`),
          );
          const index = new RuleIndex(rules, { partitionAfter: 1 });
          for (const [before, middle, after] of values) {
            // Values built around the rules' own literals, so that matches are frequent.
            const literal = specs[middle.length % specs.length][1][before.length % specs[middle.length % specs.length][1].length];
            for (const value of [before + literal + after, literal + after, before + literal, middle]) {
              const event = toSigmaEvent({ Field: value.toUpperCase() });
              expect(index.match(event)).toEqual(rules.filter((r) => r.matches(event)));
            }
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
