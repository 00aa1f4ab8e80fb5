import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './duplicate-tag.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { code: edit('    - attack.t1059\n', '    - attack.t1059\n    - attack.t1059\n'), errors: [{ at: 'attack.t1059', nth: 1, message: 'The tag `attack.t1059` is listed twice.' }], output: BASE },
    { name: 'a comment after the item blocks nothing', code: edit('    - attack.t1059\n', '    - attack.t1059\n    - attack.execution  # again\n'), errors: [{ at: 'attack.execution', nth: 1 }], output: BASE },
  ],
});
