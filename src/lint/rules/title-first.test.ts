import { lintTable } from '../testing.js';
import { BASE } from '../test-rules.js';
import check from './title-first.js';

const moved = BASE.replace('title: Suspicious Example Process Start\n', '').replace('status: test\n', 'status: test\ntitle: Suspicious Example Process Start\n');

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: moved, errors: [{ line: 3, column: 1, endLine: 3, endColumn: 6, message: '`title` should be the first key of the rule, before `id`.' }] }],
});
