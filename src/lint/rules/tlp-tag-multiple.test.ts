import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './tlp-tag-multiple.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'tlp.clear') }],
  invalid: [{ code: edit('    - attack.t1059\n', '    - tlp.clear\n    - tlp.green\n'), errors: [{ at: 'tlp.green' }] }],
});
