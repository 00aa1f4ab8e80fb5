import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './duplicate-value.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'case matters under cased', code: det("Image|cased:\n            - 'A.exe'\n            - 'a.exe'") }],
  invalid: [
    { name: 'exact duplicate is removed', code: det("Image|endswith:\n            - '\\a.exe'\n            - '\\b.exe'\n            - '\\a.exe'"), errors: [{ at: "'\\a.exe'", nth: 1, message: 'The value `\\a.exe` is listed twice in this item.' }], output: det("Image|endswith:\n            - '\\a.exe'\n            - '\\b.exe'") },
    {
      name: 'a long value is quoted cut short',
      code: det(`CommandLine|contains:\n            - '${'x'.repeat(200)}'\n            - '${'x'.repeat(200)}'`),
      errors: [{ line: 19, column: 15, message: `The value \`${'x'.repeat(79)}…\` is listed twice in this item.` }],
      output: det(`CommandLine|contains:\n            - '${'x'.repeat(200)}'`),
    },
    { name: 'case-insensitive duplicate has no fix', code: det("Image|endswith:\n            - '\\a.exe'\n            - '\\A.EXE'"), errors: [{ at: "'\\A.EXE'" }], output: null },
  ],
});
