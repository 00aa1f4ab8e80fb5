import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anyOfLiterals, MANY_SUBSTRINGS, type Literal } from './literal-set.js';
import { compiled } from './test-helpers.js';

/** The straightforward meaning of a list of literals: one of them holds for the lowercased value. */
function reference(literals: readonly Literal[], value: string): boolean {
  return literals.some(({ kind, text }) =>
    kind === 'equals' ? value === text : kind === 'prefix' ? value.startsWith(text) : kind === 'suffix' ? value.endsWith(text) : value.includes(text),
  );
}

// Few characters, so that literals overlap and occur in the values often.
const alphabet = fc.constantFrom('a', 'b', '\\', '.', 'x', '@', '—');
const literal = (minLength: number, kinds: Literal['kind'][] = ['equals', 'prefix', 'suffix', 'contains']) =>
  fc.record({ kind: fc.constantFrom(...kinds), text: fc.string({ unit: alphabet, minLength, maxLength: 14 }) });
// More substrings than `MANY_SUBSTRINGS`, mixed with the other kinds; 6 characters or more, so that most values
// hold none of them by chance.
const longList = fc
  .tuple(fc.array(literal(6, ['contains']), { minLength: MANY_SUBSTRINGS + 1, maxLength: 3 * MANY_SUBSTRINGS }), fc.array(literal(6), { maxLength: 8 }))
  .chain(([substrings, others]) => fc.shuffledSubarray([...substrings, ...others], { minLength: substrings.length + others.length }));

describe('anyOfLiterals', () => {
  it('holds exactly when one literal does, for short lists and for lists long enough for one substring scan', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(literal(0), { maxLength: 8 }), longList),
        fc.array(fc.tuple(fc.nat(), fc.string({ unit: alphabet, maxLength: 20 }), fc.string({ unit: alphabet, maxLength: 20 }))),
        (literals, values) => {
          const test = anyOfLiterals(literals);
          for (const [pick, before, after] of values) {
            const embedded = literals.length > 0 ? before + literals[pick % literals.length].text + after : before;
            for (const value of [before, embedded, before.repeat(6) + embedded + after.repeat(6)]) expect(test(value)).toBe(reference(literals, value));
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('long lists of indicators in rules', () => {
  // The shape of SigmaHQ's package-campaign rules: one field, hundreds of `contains` values.
  const packages = Array.from({ length: 300 }, (_, i) => `@scope${i % 17}/package-${i}@${i % 5}.${i % 11}.${i}`);
  const rule = compiled(`selection:\n  CommandLine|contains:\n${packages.map((p) => `    - '${p}'`).join('\n')}\ncondition: selection`);
  const keywords = compiled(`keywords:\n${packages.map((p) => `  - '${p}'`).join('\n')}\ncondition: keywords`);

  it('matches a value holding any one of them, whatever its case and place', () => {
    for (const i of [0, 1, 150, 299]) {
      const line = `"C:\\Program Files\\nodejs\\node.exe" npm-cli.js install --save ${packages[i].toUpperCase()} typescript@5.6.3`;
      expect(rule.matches({ CommandLine: line })).toBe(true);
      expect(keywords.matches({ Payload: { Args: ['install', line] } })).toBe(true);
    }
  });

  it('does not match near misses', () => {
    // A version that differs in its last digit, and a package name cut short.
    for (const line of [`npm install ${packages[42].slice(0, -1)}x`, `npm install ${packages[7].slice(1)}`, 'npm install typescript@5.6.3']) {
      expect(rule.matches({ CommandLine: line })).toBe(false);
      expect(keywords.matches({ Payload: line })).toBe(false);
    }
  });
});
