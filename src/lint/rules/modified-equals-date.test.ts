import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './modified-equals-date.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('date: 2024-01-05\n', 'date: 2024-01-05\nmodified: 2024-03-01\n') }],
  invalid: [{ code: edit('date: 2024-01-05\n', "date: 2024-01-05\nmodified: '2024-01-05'\n"), errors: [{ at: "'2024-01-05'" }] }],
});
