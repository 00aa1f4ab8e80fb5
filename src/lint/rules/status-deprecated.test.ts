import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './status-deprecated.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'inside the deprecated folder', code: edit('status: test', 'status: deprecated'), path: 'deprecated/windows/proc_creation_win_old_rule.yml' }],
  invalid: [
    { code: edit('status: test', 'status: deprecated'), errors: [{ at: 'deprecated', message: 'The rule has status `deprecated`; move it out of the active rule set or update it.' }] },
    { name: 'unsupported', code: edit('status: test', 'status: unsupported'), errors: [{ at: 'unsupported' }] },
  ],
});
