import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './category-event-id.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    {
      code: withDetection("detection:\n    selection:\n        EventID: 1\n        Image|endswith: '\\example.exe'\n    condition: selection"),
      errors: [{ at: 'EventID', message: 'The category `process_creation` already selects its events; the `EventID` item ties the rule to one log source.' }],
    },
  ],
});
