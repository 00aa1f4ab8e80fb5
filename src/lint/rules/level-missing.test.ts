import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './level-missing.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { name: 'attribute removed', code: edit('level: medium\n', ''), errors: [{ line: 1, column: 1, endLine: 1, endColumn: 6, message: /has no/ }] },
  ],
});
