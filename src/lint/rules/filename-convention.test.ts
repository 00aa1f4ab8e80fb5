import { lintTable } from '../testing.js';
import { BASE } from '../test-rules.js';
import check from './filename-convention.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { name: 'uppercase and dashes', code: BASE, path: 'rules/windows/Proc-Creation-Example.yml', errors: [{ line: 1, column: 1, message: /`Proc-Creation-Example.yml`/ }] },
    { name: '.yaml extension', code: BASE, path: 'rules/windows/proc_creation_win_example.yaml', errors: [{ line: 1, column: 1 }] },
    { name: 'no underscore', code: BASE, path: 'rules/windows/proccreationexample.yml', errors: [{ line: 1, column: 1 }] },
  ],
});
