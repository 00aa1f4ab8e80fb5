import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './title-length.js';

const long = `Suspicious ${'Very '.repeat(24)}Long Title`;

lintTable(check, {
  valid: [{ code: BASE }, { name: 'a higher limit', code: edit('Suspicious Example Process Start', long), options: { max: 200 } }],
  invalid: [
    { code: edit('Suspicious Example Process Start', long), errors: [{ at: long, message: `The title is ${long.length} characters long; keep it to 120 or fewer.` }] },
    { name: 'a lower limit', code: BASE, options: { max: 20 }, errors: [{ at: 'Suspicious Example Process Start' }] },
  ],
});
