import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import yaml11 from '../rules/yaml11-ambiguous-scalar.js';
import { lintRules } from '../run.js';
import { loadSnippets } from '../testing.js';
import { withDetection } from '../test-rules.js';
import {
  FACT_ALL_WITHOUT_CONTAINS,
  FACT_CONTROL,
  FACT_DOUBLE_STAR,
  FACT_EDGE_STAR,
  FACT_ESCAPED_WILDCARD,
  FACT_FIELD_SPACE,
  FACT_MULTI_VALUE,
  FACT_NULL,
  FACT_NUMERIC_START,
  FACT_PERCENT,
  FACT_MAYBE_YAML11_SPECIAL,
  FACT_SINGLE_ITEM_LIST,
  items,
  regexValues,
  valueFacts,
} from './model.js';

const ruleWith = (search: string) =>
  loadSnippets([{ path: 'rules/x/proc_creation_win_x.yml', code: withDetection(`detection:\n    selection:\n${search}\n    condition: selection`) }])[0];

const flagsOf = (search: string) => valueFacts(ruleWith(search)).flags;

describe('valueFacts', () => {
  // Each row: a search that has the fact, and a near miss that does not.
  const rows: [string, number, string, string][] = [
    ['escaped wildcard', FACT_ESCAPED_WILDCARD, "        Image: 'a\\*b'", "        Image: 'a\\b*'"],
    ['escaped question mark', FACT_ESCAPED_WILDCARD, "        Image: 'a\\?b'", "        Image: 'a?b'"],
    ['double star', FACT_DOUBLE_STAR, "        Image: 'a**b'", "        Image: 'a*b*'"],
    ['percent', FACT_PERCENT, "        Image: '%windir%'", "        Image: 'windir'"],
    ['control character', FACT_CONTROL, '        Image: "a\\tb"', "        Image: 'a\\tb'"],
    ['leading star', FACT_EDGE_STAR, "        Image: '*b'", "        Image: 'a*b'"],
    ['trailing star', FACT_EDGE_STAR, "        Image: 'a*'", "        Image: '*'"],
    ['numeric start', FACT_NUMERIC_START, "        Image: '-1'", "        Image: '-a1'"],
    ['two values', FACT_MULTI_VALUE, "        Image:\n            - a\n            - b", "        Image: a\n        User: b"],
    ['all list', FACT_ALL_WITHOUT_CONTAINS, "        Image|all:\n            - a\n            - b", "        Image:\n            - a\n            - b"],
    ['all list with contains', FACT_ALL_WITHOUT_CONTAINS, "        Image|endswith|all:\n            - a\n            - b", "        Image|contains|all:\n            - a\n            - b"],
    ['null', FACT_NULL, '        Image: null', "        Image: 'null'"],
    ['one-item list', FACT_SINGLE_ITEM_LIST, '        Image:\n            - a', '        Image: a'],
    ['one-item flow list', FACT_SINGLE_ITEM_LIST, '        Image: [a]', "        Image: '[a]'"],
    ['space in a field name', FACT_FIELD_SPACE, '        Image Name: a', '        ImageName: a'],
    ['plain scalar YAML 1.1 may read as a number', FACT_MAYBE_YAML11_SPECIAL, '        Image: 010', "        Image: '010'"],
    ['plain decimal integer', FACT_MAYBE_YAML11_SPECIAL, '        Image: 12:30', '        Image: 4688'],
    ['plain zero', FACT_MAYBE_YAML11_SPECIAL, '        Image: 0x17', '        Image: 0'],
    ['plain scalar YAML 1.1 may read as a boolean', FACT_MAYBE_YAML11_SPECIAL, '        Image: yes', '        Image: yesterday'],
  ];

  it.each(rows)('%s', (_name, fact, having, missing) => {
    expect(flagsOf(having) & fact).toBe(fact);
    expect(flagsOf(missing) & fact).toBe(0);
  });

  it('lists the modifiers and fields once each, and the same items as before', () => {
    const rule = ruleWith("        Image|endswith: a\n        CommandLine|windash|contains:\n            - ' -x'\n        Image|startswith: b");
    expect(valueFacts(rule).modifiers).toEqual(['endswith', 'windash', 'contains', 'startswith']);
    expect(valueFacts(rule).fields).toEqual(['Image', 'CommandLine']);
    expect(items(rule).map(({ item }) => item.field)).toEqual(['Image', 'CommandLine', 'Image']);
  });

  it('gives rules with the same canonical values the same signature, whatever their order, repetition or stars', () => {
    const signature = (search: string) => {
      const facts = valueFacts(ruleWith(search));
      return [facts.signatureLow, facts.signatureHigh];
    };
    const base = signature("        Image|endswith: '\\x.exe'\n        CommandLine|contains:\n            - run\n            - go");
    expect(signature("        CommandLine:\n            - '*go*'\n            - '*go**'\n            - '*run*'\n        Image: '*\\x.exe'")).toEqual(base);
    expect(signature("        Image|endswith: '\\x.dll'\n        CommandLine|contains:\n            - run\n            - go")).not.toEqual(base);
  });

  it('finds no regular expression values without the `re` modifier', () => {
    expect(regexValues(ruleWith("        Image: 'a.*b'"))).toEqual([]);
    expect(regexValues(ruleWith("        Image|re: 'a.*b'")).map((v) => v.pattern)).toEqual(['a.*b']);
  });

  it('sets the string facts exactly when the value has what they name', () => {
    // Values written as JSON strings, which are valid YAML double-quoted scalars whatever they hold.
    const reference = (text: string) =>
      (/^-?[0-9]/.test(text) ? FACT_NUMERIC_START : 0) |
      (text.length > 1 && (text.startsWith('*') || text.endsWith('*')) ? FACT_EDGE_STAR : 0) |
      (/\\[*?]/.test(text) ? FACT_ESCAPED_WILDCARD : 0) |
      (text.includes('**') ? FACT_DOUBLE_STAR : 0) |
      (text.includes('%') ? FACT_PERCENT : 0) |
      (/[\x00-\x1f]/.test(text) ? FACT_CONTROL : 0);
    const stringFacts = FACT_NUMERIC_START | FACT_EDGE_STAR | FACT_ESCAPED_WILDCARD | FACT_DOUBLE_STAR | FACT_PERCENT | FACT_CONTROL;
    const text = fc.string({ unit: fc.constantFrom('a', '1', '-', '*', '?', '\\', '%', '\t', '\u0001', ' ', 'é'), maxLength: 8 });
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 3 }), (values) => {
        const search = `        Image:\n${values.map((v) => `            - ${JSON.stringify(v)}`).join('\n')}`;
        const expected = values.reduce((flags, v) => flags | reference(v), 0);
        expect(flagsOf(search) & stringFacts).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('marks every plain scalar that lint/yaml11-ambiguous-scalar reports', () => {
    const random = fc.string({ unit: fc.constantFrom('0', '1', '7', '9', 'x', 'b', 'e', '.', '-', '+', ':', '_', 'y', 'n', 'o', 'N', 'O', 'f', 'a'), minLength: 1, maxLength: 6 });
    const known = fc.constantFrom('010', '0x17', '0b101', '12:30', '1_000', '1e3', '2024-01-05', 'yes', 'No', 'OFF', 'y', '+12:30', '-0x1A', '.5e3', '4688', '0', 'yesterday');
    const source = fc.oneof(random, known);
    let reported = 0;
    fc.assert(
      fc.property(source, (text) => {
        let rule;
        try {
          rule = ruleWith(`        Image: ${text}`);
        } catch {
          return; // not a scalar YAML reads as a value here (`-` or `:` starting a list or a mapping)
        }
        if (rule.kind !== 'detection' || rule.detection.searches[0]?.alternatives[0]?.[0]?.values[0]?.node.style !== 'plain') return;
        if (lintRules([rule], { preset: 'all' }, [yaml11]).length === 0) return;
        reported++;
        expect(valueFacts(rule).flags & FACT_MAYBE_YAML11_SPECIAL).toBe(FACT_MAYBE_YAML11_SPECIAL);
      }),
      { numRuns: 400 },
    );
    expect(reported).toBeGreaterThan(20);
  });
});
