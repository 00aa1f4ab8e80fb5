import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './unused-search.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'used through a selector', code: withDetection("detection:\n    selection_a:\n        Image|endswith: '\\a.exe'\n    selection_b:\n        Image|endswith: '\\b.exe'\n    condition: 1 of selection_*") }],
  invalid: [
    {
      code: withDetection("detection:\n    selection:\n        Image|endswith: '\\a.exe'\n    filter:\n        User: SYSTEM\n    condition: selection"),
      errors: [{ at: 'filter', message: 'The search `filter` is not used by the condition.' }],
    },
  ],
});
