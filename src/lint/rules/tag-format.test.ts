import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './tag-format.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'attack.t1059.001') }],
  invalid: [
    { name: 'uppercase', code: edit('attack.t1059', 'attack.T1059'), errors: [{ at: 'attack.T1059', message: 'The tag `attack.T1059` is not `namespace.name` in lowercase letters, digits, `_`, `-` and `.`.' }] },
    { name: 'no namespace', code: edit('attack.t1059', 'execution'), errors: [{ line: 11, column: 7, endLine: 11, endColumn: 16 }] },
  ],
});
