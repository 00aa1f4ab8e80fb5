import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './exists-contradiction.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("ParentImage|exists: false\n        Image|endswith: '\\a.exe'") }],
  invalid: [
    { code: det("ParentImage|exists: false\n        ParentImage|endswith: '\\a.exe'"), errors: [{ at: 'ParentImage|exists', message: 'The field `ParentImage` must be absent (`exists: false`) and present at once; this selection never matches.' }] },
    { name: 'a plain value on the same field', code: det('User|exists: false\n        User: admin'), errors: [{ at: 'User|exists' }] },
  ],
});
