import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './number-as-string.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det('EventID: 4688') }, { name: 'leading zero is text', code: det("Code: '0042'") }],
  invalid: [{ code: det("EventID: '4688'"), errors: [{ at: "'4688'", message: 'The number `4688` is written as a string; leave out the quotes.' }] }],
});
