import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './description-equals-title.js';

const FULL = 'Finds an example tool started from a folder where it never lives.';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: edit(FULL, 'Suspicious example process start.'), errors: [{ at: 'Suspicious example process start.' }] }],
});
