import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './duplicate-falsepositive.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: edit('    - Unknown\n', '    - Unknown\n    - Unknown\n'), errors: [{ at: 'Unknown', nth: 1 }], output: BASE }],
});
