import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './modified-before-date.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'modified later', code: edit('date: 2024-01-05\n', 'date: 2024-01-05\nmodified: 2024-03-01\n') }],
  invalid: [
    {
      code: edit('date: 2024-01-05\n', 'date: 2024-03-01\nmodified: 2024-01-05\n'),
      errors: [{ at: '2024-01-05', message: '`modified` (2024-01-05) is earlier than `date` (2024-03-01); the two look swapped.' }],
      output: edit('date: 2024-01-05\n', 'date: 2024-01-05\nmodified: 2024-03-01\n'),
    },
  ],
});
