import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './detection-tag-multiple.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'detection.dfir') }],
  invalid: [{ code: edit('    - attack.t1059\n', '    - detection.dfir\n    - detection.threat-hunting\n'), errors: [{ at: 'detection.threat-hunting' }] }],
});
