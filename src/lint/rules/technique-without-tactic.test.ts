import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './technique-without-tactic.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'no ATT&CK tags at all', code: edit('tags:\n    - attack.execution\n    - attack.t1059\n', '') }],
  invalid: [{ code: edit('    - attack.execution\n', ''), errors: [{ at: 'attack.t1059', message: 'The technique tag `attack.t1059` has no ATT&CK tactic tag beside it.' }] }],
});
