import { lintTable } from '../testing.js';
import { BASE } from '../test-rules.js';
import check from './line-endings.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: BASE.replace(/\n/g, '\r\n'), errors: [{ line: 1, column: 40, message: 'The file uses CRLF line endings; the specification asks for LF.' }], output: BASE }],
});
