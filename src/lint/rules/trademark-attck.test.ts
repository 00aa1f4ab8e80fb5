import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './trademark-attck.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: edit('from a folder', 'from a folder named in ATT&CK'), errors: [{ at: 'ATT&CK', message: 'The rule file contains the trademark `ATT&CK`.' }] }],
});
