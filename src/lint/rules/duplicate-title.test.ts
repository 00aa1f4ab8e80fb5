import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './duplicate-title.js';

const other = edit('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', '1e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e');

lintTable(check, {
  valid: [{ files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'rules/b/proc_creation_win_two.yml', code: edit('Process Start', 'Process Exit', other) }] }],
  invalid: [
    {
      files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'rules/b/proc_creation_win_two.yml', code: edit('Process Start', 'process start', other) }],
      errors: [{ file: 'rules/b/proc_creation_win_two.yml', at: 'Suspicious Example process start', message: /is also used by `rules\/a\/proc_creation_win_one.yml`/ }],
    },
  ],
});
