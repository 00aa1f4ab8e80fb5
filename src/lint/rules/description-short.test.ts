import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './description-short.js';

const FULL = 'Finds an example tool started from a folder where it never lives.';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'a lower minimum', code: edit(FULL, 'Bad tool.'), options: { min: 5 } }],
  invalid: [{ code: edit(FULL, 'Bad tool.'), errors: [{ at: 'Bad tool.', message: 'The description is only 9 characters long; explain what the rule detects.' }] }],
});
