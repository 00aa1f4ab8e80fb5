import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './id-missing.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { name: 'attribute removed', code: edit('id: 0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e\n', ''), errors: [{ line: 1, column: 1, endLine: 1, endColumn: 6, message: /has no/ }] },
  ],
});
