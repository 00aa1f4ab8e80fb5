import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './tlp-not-clear.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'tlp.clear') }],
  invalid: [{ code: edit('attack.t1059', 'tlp.amber'), errors: [{ at: 'tlp.amber', message: 'The tag `tlp.amber` restricts sharing; public rules are `tlp.clear`.' }] }],
});
