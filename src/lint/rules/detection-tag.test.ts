import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './detection-tag.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'detection.threat-hunting') }],
  invalid: [{ code: edit('attack.t1059', 'detection.hunting'), errors: [{ at: 'detection.hunting', message: /^The detection tag `detection.hunting` is not one of/ }] }],
});
