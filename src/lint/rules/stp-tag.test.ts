import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './stp-tag.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'stp.3k') }],
  invalid: [{ code: edit('attack.t1059', 'stp.6'), errors: [{ at: 'stp.6', message: /`stp.6`/ }] }],
});
