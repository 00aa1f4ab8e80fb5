import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './identifier-operator-prefix.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'operator inside the name', code: withDetection("detection:\n    selection_or_filter:\n        Image|endswith: '\\a.exe'\n    condition: selection_or_filter") }],
  invalid: [
    {
      code: withDetection("detection:\n    selection:\n        Image|endswith: '\\a.exe'\n    notable:\n        User: admin\n    condition: selection and notable"),
      errors: [{ at: 'notable', message: 'The search name `notable` starts with the operator `not`; pySigma-based tools misread it in conditions.' }],
    },
  ],
});
