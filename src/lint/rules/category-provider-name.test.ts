import { lintTable } from '../testing.js';
import { BASE, edit, withDetection } from '../test-rules.js';
import check from './category-provider-name.js';

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'another provider', code: withDetection("detection:\n    selection:\n        Provider_Name: Example-Provider\n    condition: selection") },
    { name: 'a category that is the name of an object property', code: edit('category: process_creation', 'category: constructor', withDetection("detection:\n    selection:\n        Provider_Name: Example-Provider\n    condition: selection")) },
  ],
  invalid: [
    {
      code: withDetection("detection:\n    selection:\n        Provider_Name: 'Microsoft-Windows-Sysmon'\n        Image|endswith: '\\example.exe'\n    condition: selection"),
      errors: [{ at: "'Microsoft-Windows-Sysmon'", message: 'The category `process_creation` already implies the provider `Microsoft-Windows-Sysmon`.' }],
    },
  ],
});
