import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './double-negation.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: edit('condition: selection', 'condition: not not selection'), errors: [{ at: 'not not selection', message: '`not not` cancels out.' }] }],
});
