import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './windash-with-all.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|windash|contains: ' -enc '") }],
  invalid: [{ code: det("CommandLine|windash|contains|all:\n            - ' -a '\n            - ' -b '"), errors: [{ at: 'windash', message: /rejected by pySigma/ }] }],
});
