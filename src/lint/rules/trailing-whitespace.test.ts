import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './trailing-whitespace.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'CRLF line ends', code: BASE.replace(/\n/g, '\r\n') }],
  invalid: [
    { code: edit('status: test\n', 'status: test  \n'), errors: [{ line: 3, column: 13, endLine: 3, endColumn: 15, message: 'The line ends with whitespace.' }], output: BASE },
    { name: 'a space before a CRLF line end', code: edit('status: test\n', 'status: test \r\n'), errors: [{ line: 3, column: 13, endLine: 3, endColumn: 14 }] },
    { name: 'a space at the end of the file', code: `${BASE.trimEnd()} `, errors: [{ line: 22, column: 14, endLine: 22, endColumn: 15 }], output: `${BASE.trimEnd()}` },
    { name: 'a tab after a list item', code: edit('    - Unknown\n', '    - Unknown\t\n'), errors: [{ line: 21, column: 14 }], output: BASE },
  ],
});
