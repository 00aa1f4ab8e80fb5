import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadSnippets } from '../testing.js';
import { withDetection } from '../test-rules.js';
import {
  FACT_ALL_LIST,
  FACT_CONTROL,
  FACT_DOUBLE_STAR,
  FACT_EDGE_STAR,
  FACT_ESCAPED_WILDCARD,
  FACT_FIELD_SPACE,
  FACT_MULTI_VALUE,
  FACT_NULL,
  FACT_NUMERIC_START,
  FACT_PERCENT,
  FACT_PLAIN_AMBIGUOUS_START,
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
    ['all list', FACT_ALL_LIST, "        Image|all:\n            - a\n            - b", "        Image:\n            - a\n            - b"],
    ['null', FACT_NULL, '        Image: null', "        Image: 'null'"],
    ['one-item list', FACT_SINGLE_ITEM_LIST, '        Image:\n            - a', '        Image: a'],
    ['one-item flow list', FACT_SINGLE_ITEM_LIST, '        Image: [a]', "        Image: '[a]'"],
    ['space in a field name', FACT_FIELD_SPACE, '        Image Name: a', '        ImageName: a'],
    ['plain scalar YAML 1.1 may read as a number', FACT_PLAIN_AMBIGUOUS_START, '        Image: 010', "        Image: '010'"],
    ['plain scalar YAML 1.1 may read as a boolean', FACT_PLAIN_AMBIGUOUS_START, '        Image: yes', '        Image: yesterday'],
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
});
