import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './all-of-them.js';

const two = (condition: string) => withDetection(`detection:\n    selection_img:\n        Image|endswith: '\\\\a.exe'\n    selection_cli:\n        CommandLine|contains: run\n    condition: ${condition}`);

lintTable(check, {
  valid: [{ code: BASE }, { code: two('all of selection_*') }, { code: two('1 of them') }],
  invalid: [{ code: two('all of them'), errors: [{ at: 'all of them', message: '`all of them` also pulls in every search added later; use `all of selection_*`.' }] }],
});
