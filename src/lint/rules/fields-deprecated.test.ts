import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './fields-deprecated.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: edit('level: medium\n', 'fields:\n    - CommandLine\nlevel: medium\n'), errors: [{ at: 'fields', message: 'The `fields` attribute is deprecated; remove it.' }] }],
});
