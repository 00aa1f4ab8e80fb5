import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './title-whitespace.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    {
      name: 'repeated space',
      code: edit('Example Process', 'Example  Process'),
      errors: [{ at: 'Suspicious Example  Process Start' }],
      output: BASE,
    },
    {
      name: 'trailing space inside quotes',
      code: edit('title: Suspicious Example Process Start', "title: 'Suspicious Example Process Start '"),
      errors: [{ at: "'Suspicious Example Process Start '" }],
      output: edit('title: Suspicious Example Process Start', "title: 'Suspicious Example Process Start'"),
    },
  ],
});
