import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './all-single-value.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|contains|all:\n            - ' -a'\n            - ' -b'") }],
  invalid: [{ code: det("CommandLine|contains|all: ' -a'"), errors: [{ at: 'all', message: '`|all` with a single value does nothing.' }] }],
});
