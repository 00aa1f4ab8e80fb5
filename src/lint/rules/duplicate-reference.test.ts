import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './duplicate-reference.js';

/** A long list (searched through a Set rather than pairwise): 40 references, the 7th repeated as the 38th. */
const entries = Array.from({ length: 40 }, (_, i) => `    - https://example.org/r${i === 37 ? 6 : i}\n`);
const long = edit('    - https://example.org/report\n', entries.join(''));
const longFixed = edit('    - https://example.org/report\n', entries.filter((_, i) => i !== 37).join(''));

const twice = edit('    - https://example.org/report\n', '    - https://example.org/report\n    - https://example.org/report # again\n');

lintTable(check, {
  valid: [{ code: BASE }, { name: 'different references', code: edit('    - https://example.org/report\n', '    - https://example.org/report\n    - https://example.org/other\n') }],
  invalid: [
    { code: twice, errors: [{ at: 'https://example.org/report', nth: 1, message: 'The reference `https://example.org/report` is listed twice.' }], output: BASE },
    {
      name: 'flow list',
      code: edit('references:\n    - https://example.org/report\n', 'references: [https://example.org/a, https://example.org/a]\n'),
      errors: [{ at: 'https://example.org/a', nth: 1 }],
      output: edit('references:\n    - https://example.org/report\n', 'references: [https://example.org/a]\n'),
    },
    { name: 'long list', code: long, errors: [{ at: 'https://example.org/r6', nth: 1 }], output: longFixed },
  ],
});
