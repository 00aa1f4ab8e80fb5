import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './single-value-list.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("Image|endswith:\n            - '\\a.exe'\n            - '\\b.exe'") }],
  invalid: [
    { code: det("Image|endswith:\n            - '\\a.exe'"), errors: [{ at: "- '\\a.exe'", message: 'A list with a single value; write the value itself.', column: 13 }], output: det("Image|endswith: '\\a.exe'") },
    { name: 'flow list', code: det("Image|endswith: ['\\a.exe']"), errors: [{ at: "['\\a.exe']" }], output: det("Image|endswith: '\\a.exe'") },
  ],
});
