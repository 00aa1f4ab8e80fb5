import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './custom-attribute.js';

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'regression tests', code: edit('level: medium\n', 'level: medium\nregression_tests_path: regression_data/x/info.yml\n') },
    { name: 'allowed by option', code: edit('level: medium\n', 'level: medium\nowner: team-a\n'), options: { allowed: ['owner'] } },
  ],
  invalid: [{ code: edit('level: medium\n', 'level: medium\nowner: team-a\n'), errors: [{ at: 'owner', message: 'The top-level key `owner` is not a Sigma attribute.' }] }],
});
