import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './title-end.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'an ellipsis is left alone', code: edit('Process Start', 'Process Start...') }],
  invalid: [
    {
      code: edit('Process Start', 'Process Start.'),
      errors: [{ line: 1, column: 40, endLine: 1, endColumn: 41, message: 'The title ends with a period.' }],
      output: BASE,
    },
    {
      name: 'single-quoted title keeps its quotes',
      code: edit('title: Suspicious Example Process Start', "title: 'Suspicious Start.'"),
      errors: [{ at: '.' }],
      output: edit('title: Suspicious Example Process Start', "title: 'Suspicious Start'"),
    },
  ],
});
