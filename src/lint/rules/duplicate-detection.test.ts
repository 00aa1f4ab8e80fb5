import { lintTable } from '../testing.js';
import { BASE, edit, withDetection } from '../test-rules.js';
import check from './duplicate-detection.js';

const second = (detection: string) => withDetection(detection, edit('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', '1e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', edit('Process Start', 'Process Launch')));
const A = 'rules/a/proc_creation_win_one.yml';
const B = 'rules/b/proc_creation_win_two.yml';

lintTable(check, {
  valid: [{ files: [{ path: A, code: BASE }, { path: B, code: second("detection:\n    selection:\n        Image|endswith: '\\other.exe'\n    condition: selection") }] }],
  invalid: [
    {
      name: 'same logic, spelt with wildcards, other names and order',
      files: [
        { path: A, code: BASE },
        { path: B, code: second("detection:\n    sel:\n        CommandLine: '*run*'\n        Image: '*\\example.exe'\n    condition: sel") },
      ],
      errors: [{ file: B, line: 16, column: 5, message: 'This rule detects exactly what `Suspicious Example Process Start` (rules/a/proc_creation_win_one.yml) detects.' }],
    },
    {
      name: 'same logic with a repeated value and a run of stars',
      files: [
        { path: A, code: BASE },
        { path: B, code: second("detection:\n    selection:\n        Image|endswith:\n            - '\\example.exe'\n            - '**\\example.exe'\n        CommandLine: '**run***'\n    condition: selection") },
      ],
      errors: [{ file: B, line: 16, column: 5 }],
    },
  ],
});
