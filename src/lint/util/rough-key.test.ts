import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { valueFeature } from './rough-key.js';

// Texts without `(`, so that a generated text never starts with inline flags of its own.
const text = fc.string({ unit: fc.constantFrom('a', 'B', '\\', '.', '?', ' ', '1', 'é'), maxLength: 12 });

describe('valueFeature', () => {
  it('ignores every `*`, as the canonical form only adds or merges them', () => {
    fc.assert(
      fc.property(text, fc.array(fc.nat(), { maxLength: 4 }), (value, places) => {
        let starred = value;
        for (const place of places) {
          const at = place % (starred.length + 1);
          starred = `${starred.slice(0, at)}*${starred.slice(at)}`;
        }
        expect(valueFeature(starred)).toBe(valueFeature(value));
      }),
    );
  });

  it('ignores leading inline regex flags, which the canonical form turns into modifiers', () => {
    fc.assert(
      fc.property(text, fc.constantFrom('(?i)', '(?s)', '(?im)', '(?x)'), (value, flags) => {
        expect(valueFeature(flags + value)).toBe(valueFeature(value));
      }),
    );
    expect(valueFeature('(?)abc')).not.toBe(valueFeature('abc'));
  });

  it('tells apart values of different lengths or ends, and non-string values by their value', () => {
    expect(valueFeature('cmd.exe')).not.toBe(valueFeature('cmd.ex'));
    expect(valueFeature('\\cmd.exe')).not.toBe(valueFeature('/cmd.exe'));
    expect(valueFeature(4688)).toBe(valueFeature(4688));
    expect(valueFeature(4688)).not.toBe(valueFeature(4689));
    expect(valueFeature(true)).not.toBe(valueFeature(false));
    expect(valueFeature(null)).not.toBe(valueFeature(true));
  });
});
