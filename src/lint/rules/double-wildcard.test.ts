import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './double-wildcard.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'escaped star next to a wildcard', code: det("CommandLine: 'a\\**b'") }],
  invalid: [{ code: det("CommandLine: 'run**now'"), errors: [{ at: '**', message: '`**` matches the same as `*`.' }], output: det("CommandLine: 'run*now'") }],
});
