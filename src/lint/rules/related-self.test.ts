import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './related-self.js';

const related = (ids: string[]) => edit('status: test\n', `related:\n${ids.map((id) => `    - id: ${id}\n      type: derived\n`).join('')}status: test\n`);

lintTable(check, {
  valid: [{ code: BASE }, { code: related(['1a2b3c4d-0000-4000-8000-000000000001']) }],
  invalid: [
    { code: related(['0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e']), errors: [{ at: '0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', nth: 1, message: "`related` lists the rule's own id." }] },
    { name: 'twice', code: related(['1a2b3c4d-0000-4000-8000-000000000001', '1a2b3c4d-0000-4000-8000-000000000001']), errors: [{ at: '1a2b3c4d-0000-4000-8000-000000000001', nth: 1 }] },
  ],
});
