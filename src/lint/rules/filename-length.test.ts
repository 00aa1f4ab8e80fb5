import { lintTable } from '../testing.js';
import { BASE } from '../test-rules.js';
import check from './filename-length.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'a shorter minimum', code: BASE, path: 'rules/a_b.yml', options: { min: 5 } }],
  invalid: [{ code: BASE, path: 'rules/a_b.yml', errors: [{ line: 1, column: 1, endColumn: 6, message: 'The file name `a_b.yml` is 7 characters long; keep it between 10 and 90.' }] }],
});
