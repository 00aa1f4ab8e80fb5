import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './regex-invalid-escape.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|re: '\\.exe\\s+-\\w\\d\\\\'") }],
  invalid: [{ code: det("CommandLine|re: 'C:\\Users'"), errors: [{ at: '\\U', message: '`\\U` is not a portable escape in a regular expression.' }] }],
});
