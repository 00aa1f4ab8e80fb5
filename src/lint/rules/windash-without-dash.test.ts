import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './windash-without-dash.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|windash|contains: ' -enc '") }],
  invalid: [{ code: det("CommandLine|windash|contains: 'encoded'"), errors: [{ at: 'windash', message: '`windash` does nothing here: no value has a `-` or `/` starting a word.' }] }],
});
