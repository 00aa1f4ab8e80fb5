import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SubstringSet } from './substring-set.js';

/** The ids a straightforward search finds: every literal that `includes` reports. */
function reference(literals: string[], text: string): number[] {
  return literals.flatMap((literal, id) => (text.includes(literal) ? [id] : []));
}

function found(set: SubstringSet, text: string): number[] {
  const ids = new Set<number>();
  set.forEachIn(text, (id) => ids.add(id));
  return [...ids].sort((a, b) => a - b);
}

// A small alphabet makes overlaps, repeats and shared grams frequent; lengths cover every tier (1–3, 4–7, 8+, 16+, 24+).
// Two characters beyond ASCII (an em dash, as windash writes it, and a letter with an accent) take the paths
// that do not read by character code.
const alphabet = fc.constantFrom('a', 'b', 'c', '\\', '.', 'e', 'x', '—', 'é');
const literal = fc.oneof(
  fc.string({ unit: alphabet, minLength: 0, maxLength: 4 }),
  fc.string({ unit: alphabet, minLength: 4, maxLength: 12 }),
  fc.string({ unit: alphabet, minLength: 12, maxLength: 40 }),
);

describe('SubstringSet', () => {
  it('finds exactly the literals a plain `includes` finds, few or many, short or long', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.array(literal, { minLength: 1, maxLength: 24 }), fc.array(literal, { minLength: 25, maxLength: 80 })),
        fc.array(fc.tuple(fc.nat(), fc.string({ unit: alphabet, maxLength: 30 }), fc.string({ unit: alphabet, maxLength: 30 }))),
        (literals, texts) => {
          const set = new SubstringSet(literals.map((text, id) => [text, id] as const));
          // Texts that embed literals at every alignment, and random ones.
          for (const [pick, before, after] of texts) {
            const text = before + literals[pick % literals.length] + after;
            expect(found(set, text)).toEqual(reference(literals, text));
            expect(found(set, before)).toEqual(reference(literals, before));
            // Long texts take the scan even for sets small enough for `includes` on short ones.
            const long = (before + after).repeat(8) + text;
            expect(found(set, long)).toEqual(reference(literals, long));
            for (const t of [text, before, long]) expect(set.occursIn(t)).toBe(reference(literals, t).length > 0);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it('finds long literals at every offset of a long text (the strided tiers)', () => {
    const literals = Array.from({ length: 60 }, (_, i) => `sha256=${i.toString(16).padStart(4, '0')}${'0123456789abcdef'.repeat(3).slice(i % 16, (i % 16) + 30)}`);
    const set = new SubstringSet(literals.map((text, id) => [text, id] as const));
    for (let pad = 0; pad < 30; pad++)
      for (const id of [0, 17, 59]) {
        const text = `md5=${'f'.repeat(pad)},${literals[id]},imphash=00`;
        expect(found(set, text)).toEqual(reference(literals, text));
      }
  });
});
