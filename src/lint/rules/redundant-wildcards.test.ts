import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './redundant-wildcards.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'inner wildcard is kept', code: det("CommandLine|contains: 'run*now'") }],
  invalid: [
    { code: det("CommandLine|contains: '*run*'"), errors: [{ at: "'*run*'", message: 'The `contains` modifier already adds this wildcard.' }], output: det("CommandLine|contains: 'run'") },
    { name: 'endswith', code: det("Image|endswith: '*\\a.exe'"), errors: [{ at: "'*\\a.exe'" }], output: det("Image|endswith: '\\a.exe'") },
  ],
});
