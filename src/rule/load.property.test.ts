import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadRuleText } from './load.js';

/** Whatever the text, loading returns (never throws), and every finding points inside the file. */

const RULE_LINES = [
  'title: t', 'title: [', 'logsource:', '  product: windows', 'detection:', '  sel:', '    A|contains: x', '    B|re: "a(b"',
  '    - a', '  condition: sel', '  condition: sel and not', '---', 'action: global', '&a x: *a', 'k: *missing', '  - {a: 1}',
  "'q: '", 'x: "\\t"', '? complex', ': value', 'level: severe', 'id: 5', '\tbad: tab', 'date: 2024-13-01', 'a: b: c',
  'tags: [attack.t1059, Attack.X]', 'detection: 5', 'condition:', '  filter: {C|cidr: 10.0.0.1/8}', '|', '  literal',
];

const ruleish = fc.array(fc.oneof(fc.constantFrom(...RULE_LINES), fc.string({ maxLength: 20, unit: 'binary' })), { maxLength: 25 }).map((lines) => `${lines.join('\n')}\n`);

describe('loading arbitrary text', () => {
  it('never throws and keeps every span inside the file', () => {
    fc.assert(
      fc.property(ruleish, (text) => {
        const file = loadRuleText('f.yml', text);
        for (const d of file.diagnostics) {
          expect(d.id).toMatch(/^[a-z]+\/[a-z0-9-]+$/);
          expect(d.id.startsWith('internal/')).toBe(false);
          expect(d.span.offset).toBeGreaterThanOrEqual(0);
          expect(d.span.endOffset).toBeGreaterThanOrEqual(d.span.offset);
          expect(d.span.endOffset).toBeLessThanOrEqual(text.length);
          expect(d.message).toMatch(/[.!?]$/);
        }
      }),
      { numRuns: 300 },
    );
  });
});
