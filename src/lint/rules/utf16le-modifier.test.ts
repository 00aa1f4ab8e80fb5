import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './utf16le-modifier.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("Data|wide|base64offset|contains: 'cmd'") }],
  invalid: [{ code: det("Data|utf16le|base64offset|contains: 'cmd'"), errors: [{ at: 'utf16le', message: '`utf16le` is unknown to pySigma; `wide` means the same and works everywhere.' }], output: det("Data|wide|base64offset|contains: 'cmd'") }],
});
