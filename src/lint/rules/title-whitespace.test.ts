import fc from 'fast-check';
import { expect, it } from 'vitest';
import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check, { cleanTitle } from './title-whitespace.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    {
      name: 'repeated space',
      code: edit('Example Process', 'Example  Process'),
      errors: [{ at: 'Suspicious Example  Process Start' }],
      output: BASE,
    },
    {
      name: 'trailing space inside quotes',
      code: edit('title: Suspicious Example Process Start', "title: 'Suspicious Example Process Start '"),
      errors: [{ at: "'Suspicious Example Process Start '" }],
      output: edit('title: Suspicious Example Process Start', "title: 'Suspicious Example Process Start'"),
    },
    {
      name: 'a tab inside double quotes',
      code: edit('title: Suspicious Example Process Start', 'title: "Suspicious Example\\tProcess Start"'),
      errors: [{ at: '"Suspicious Example\\tProcess Start"' }],
      output: edit('title: Suspicious Example Process Start', 'title: "Suspicious Example Process Start"'),
    },
  ],
});

it('changes a title exactly when trimming and collapsing whitespace would', () => {
  const text = fc.string({ unit: fc.constantFrom('a', 'B', ' ', '\t', '\n', '\u00a0', '\u2003', '\ufeff', '-') });
  fc.assert(
    fc.property(text, (title) => {
      const clean = title.trim().replace(/\s+/g, ' ');
      expect(cleanTitle(title)).toBe(clean !== title && clean ? clean : undefined);
    }),
    { numRuns: 2000 },
  );
});
