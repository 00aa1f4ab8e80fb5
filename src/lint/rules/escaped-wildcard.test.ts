import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './escaped-wildcard.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'escaped backslash', code: det("Image: 'C:\\\\tools\\x.exe'") }],
  invalid: [{ code: det("CommandLine|contains: 'what\\?'"), errors: [{ at: '\\?', message: '`\\?` matches a literal `?`, not a wildcard.' }] }],
});
