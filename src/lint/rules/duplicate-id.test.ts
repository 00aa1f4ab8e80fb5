import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './duplicate-id.js';

const ID = '0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e';

lintTable(check, {
  valid: [{ files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'rules/b/proc_creation_win_two.yml', code: edit(ID, '1e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e') }] }],
  invalid: [
    {
      files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'rules/b/proc_creation_win_two.yml', code: edit(ID, ID.toUpperCase()) }],
      errors: [{ file: 'rules/b/proc_creation_win_two.yml', at: ID.toUpperCase(), message: `The rule id \`${ID.toUpperCase()}\` is also used by \`rules/a/proc_creation_win_one.yml\`.` }],
    },
    {
      name: 'two documents of one file',
      code: `${BASE}---\n${BASE}`,
      errors: [{ at: ID, nth: 1, message: `The rule id \`${ID}\` is also used by document 1 of this file.` }],
    },
  ],
});
