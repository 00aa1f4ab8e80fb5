import { lintTable } from '../testing.js';
import { BASE, edit, withDetection } from '../test-rules.js';
import check from './provider-eventid-instead-of-category.js';

const SECURITY = edit('    category: process_creation\n', '    service: security\n');

lintTable(check, {
  valid: [{ code: BASE }, { name: 'another event', code: withDetection("detection:\n    selection:\n        Provider_Name: Microsoft-Windows-Security-Auditing\n        EventID: 4624\n    condition: selection", SECURITY) }],
  invalid: [
    {
      code: withDetection("detection:\n    selection:\n        Provider_Name: Microsoft-Windows-Security-Auditing\n        EventID: 4688\n    condition: selection", SECURITY),
      errors: [{ at: '4688', message: 'EventID 4688 with the provider `Microsoft-Windows-Security-Auditing` is process creation: use `category: process_creation`.' }],
    },
  ],
});
