import { lintTable } from '../testing.js';
import { BASE, edit, withDetection } from '../test-rules.js';
import check from './overlapping-rules.js';

const second = (detection: string) => withDetection(detection, edit('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', '1e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', edit('Process Start', 'Process Launch')));
const A = 'rules/a/proc_creation_win_one.yml';
const B = 'rules/b/proc_creation_win_two.yml';

lintTable(check, {
  valid: [
    { name: 'disjoint values', files: [{ path: A, code: BASE }, { path: B, code: second("detection:\n    selection:\n        Image|endswith: '\\other.exe'\n    condition: selection") }] },
    { name: 'other logsource', files: [{ path: A, code: BASE }, { path: B, code: edit('category: process_creation', 'category: image_load', second("detection:\n    selection:\n        Image|endswith: '\\example.exe'\n    condition: selection")) }] },
  ],
  invalid: [
    {
      name: 'the base rule adds a condition to a broader rule',
      files: [
        { path: A, code: BASE },
        { path: B, code: second("detection:\n    selection:\n        Image|endswith:\n            - '\\example.exe'\n            - '\\other.exe'\n    condition: selection") },
      ],
      errors: [{ file: A, line: 16, column: 5, message: 'Every event this rule matches is also matched by `Suspicious Example Process Launch` (rules/b/proc_creation_win_two.yml).' }],
    },
    {
      name: 'the broader rule shares only the second field of the base rule',
      files: [
        { path: A, code: BASE },
        { path: B, code: second("detection:\n    selection:\n        CommandLine|contains:\n            - 'run'\n            - 'start'\n    condition: selection") },
      ],
      errors: [{ file: A, line: 16, column: 5 }],
    },
  ],
});
