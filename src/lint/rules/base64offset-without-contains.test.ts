import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './base64offset-without-contains.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|base64offset|contains: 'http://'") }],
  invalid: [{ code: det("CommandLine|base64offset: 'http://'"), errors: [{ at: 'base64offset', message: '`base64offset` without `contains` can only match by accident; add `|contains`.' }] }],
});
