import { lintTable } from '../testing.js';
import { BASE, edit, withDetection } from '../test-rules.js';
import check from './generic-logsource-available.js';

const SYSMON = edit('    category: process_creation\n', '    service: sysmon\n');

lintTable(check, {
  valid: [{ code: BASE }, { name: 'Sysmon event without a category', code: withDetection("detection:\n    selection:\n        EventID: 4\n    condition: selection", SYSMON) }],
  invalid: [
    {
      code: withDetection("detection:\n    selection:\n        EventID: 1\n        Image|endswith: '\\example.exe'\n    condition: selection", SYSMON),
      errors: [{ at: '1\n', message: 'EventID 1 on `windows/sysmon` has a generic logsource: use `category: process_creation` and drop the EventID.', endLine: 17, endColumn: 19 }],
    },
    {
      name: 'security 4688',
      code: withDetection("detection:\n    selection:\n        EventID: 4688\n    condition: selection", edit('    category: process_creation\n', '    service: security\n')),
      errors: [{ at: '4688', message: /`category: process_creation`/ }],
    },
  ],
});
