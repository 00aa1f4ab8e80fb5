import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './regex-backtracking.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|re: '^(ab)+c.*d$'") }, { name: 'a small bounded repeat of a group', code: det("QueryName|re: '[a-f0-9]{4,8}\\.(?:[a-z0-9-]+\\.){2}[a-z]+'") }],
  invalid: [{ code: det("CommandLine|re: '^(a+)+$'"), errors: [{ at: "'^(a+)+$'", message: /nests quantifiers/ }] }],
});
