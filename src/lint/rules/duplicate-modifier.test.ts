import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './duplicate-modifier.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'base64 twice on purpose', code: det("Data|base64|base64: 'x'") }],
  invalid: [{ code: det("CommandLine|contains|contains: 'run'"), errors: [{ at: 'contains', nth: 1, message: 'The modifier `contains` appears twice.' }] }],
});
