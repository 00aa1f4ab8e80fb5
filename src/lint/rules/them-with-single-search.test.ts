import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './them-with-single-search.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { code: edit('condition: selection', 'condition: 1 of them'), errors: [{ at: '1 of them', message: '`1 of them` with a single search identifier; write `selection` instead.' }] },
    { name: 'all of them', code: edit('condition: selection', 'condition: all of them'), errors: [{ at: 'all of them' }] },
  ],
});
