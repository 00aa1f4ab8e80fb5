import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './falsepositive-capital.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'a number first', code: edit('- Unknown', "- '3rd party backup tools'") }],
  invalid: [{ code: edit('- Unknown', '- legitimate admin scripts'), errors: [{ at: 'legitimate admin scripts', message: 'The false-positive entry `legitimate admin scripts` should start with a capital letter.' }] }],
});
