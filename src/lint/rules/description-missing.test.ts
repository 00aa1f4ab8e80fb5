import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './description-missing.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { name: 'attribute removed', code: edit('description: Finds an example tool started from a folder where it never lives.\n', ''), errors: [{ line: 1, column: 1, endLine: 1, endColumn: 6, message: /has no/ }] },
  ],
});
