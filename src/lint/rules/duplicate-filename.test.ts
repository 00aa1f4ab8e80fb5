import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './duplicate-filename.js';

const other = edit('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', '1e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e');

lintTable(check, {
  valid: [{ files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'rules/b/proc_creation_win_two.yml', code: other }] }],
  invalid: [
    {
      files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'rules/b/proc_creation_win_one.yml', code: other }],
      errors: [{ file: 'rules/b/proc_creation_win_one.yml', line: 1, column: 1, message: 'The file name `proc_creation_win_one.yml` is also used by `rules/a/proc_creation_win_one.yml`.' }],
    },
  ],
});
