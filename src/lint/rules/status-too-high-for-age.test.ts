import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './status-too-high-for-age.js';

const today = { today: '2024-02-01' };

lintTable(check, {
  valid: [
    { code: BASE, options: { today: '2024-06-01' } },
    { name: 'experimental', code: edit('status: test', 'status: experimental'), options: today },
    { name: 'with regression tests', code: edit('level: medium\n', 'level: medium\nregression_tests_path: regression_data/x/info.yml\n'), options: today },
  ],
  invalid: [
    { code: BASE, options: today, errors: [{ at: 'test', message: 'The rule is 27 days old but already `test`; new rules start as `experimental`.' }] },
    { name: 'stable', code: edit('status: test', 'status: stable'), options: today, errors: [{ at: 'stable' }] },
  ],
});
