import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './logsource-not-string.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: edit('product: windows', 'product: [windows, linux]'), errors: [{ at: '[windows, linux]', message: 'The logsource `product` should be a string.' }] }],
});
