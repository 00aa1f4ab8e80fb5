import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './date-in-future.js';

lintTable(check, {
  valid: [{ code: BASE, options: { today: '2024-06-01' } }],
  invalid: [
    { code: edit('2024-01-05', '2042-01-05'), options: { today: '2024-06-01' }, errors: [{ at: '2042-01-05', message: '`date` (2042-01-05) is in the future.' }] },
    { name: 'modified', code: edit('date: 2024-01-05\n', 'date: 2024-01-05\nmodified: 2024-12-01\n'), options: { today: '2024-06-01' }, errors: [{ at: '2024-12-01', message: /`modified`/ }] },
  ],
});
