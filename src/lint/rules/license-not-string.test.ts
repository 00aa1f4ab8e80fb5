import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './license-not-string.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('level: medium\n', 'level: medium\nlicense: DRL-1.1\n') }],
  invalid: [{ code: edit('level: medium\n', 'level: medium\nlicense:\n    - MIT\n'), errors: [{ at: '- MIT', message: '`license` should be a string such as `DRL-1.1` or `MIT`.' }] }],
});
