import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './localized-user-name.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("User|contains: 'admin'") }, { name: 'both spellings listed', code: det("User|contains:\n            - 'AUTHORI'\n            - 'AUTORI'") }],
  invalid: [{ code: det("User|contains: 'NT AUTHORITY'"), errors: [{ at: "'NT AUTHORITY'", message: 'The value `NT AUTHORITY` is a localized account name; it differs on non-English systems.' }] }],
});
