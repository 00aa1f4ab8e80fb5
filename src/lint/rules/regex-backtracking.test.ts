import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './regex-backtracking.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|re: '^(ab)+c.*d$'") }],
  invalid: [{ code: det("CommandLine|re: '^(a+)+$'"), errors: [{ at: "'^(a+)+$'", message: /nests quantifiers/ }] }],
});
