import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './trailing-whitespace.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { code: edit('status: test\n', 'status: test  \n'), errors: [{ line: 3, column: 13, endLine: 3, endColumn: 15, message: 'The line ends with whitespace.' }], output: BASE },
    { name: 'a tab after a list item', code: edit('    - Unknown\n', '    - Unknown\t\n'), errors: [{ line: 21, column: 14 }], output: BASE },
  ],
});
