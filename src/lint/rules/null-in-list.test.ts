import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './null-in-list.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'null on its own', code: withDetection("detection:\n    selection:\n        Image|endswith: '\\a.exe'\n    filter:\n        ParentImage: null\n    condition: selection and not filter") }],
  invalid: [
    {
      code: withDetection("detection:\n    selection:\n        ParentImage:\n            - 'C:\\Windows\\explorer.exe'\n            - null\n    condition: selection"),
      errors: [{ at: 'null', message: '`null` inside a value list; test for a missing field in a search of its own.' }],
    },
  ],
});
