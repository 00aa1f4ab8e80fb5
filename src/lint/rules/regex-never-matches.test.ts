import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './regex-never-matches.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'multiline flag', code: det("CommandLine|re|m: 'a$\\nb'") }, { name: 'optional after end', code: det("CommandLine|re: 'a$x?'") }],
  invalid: [
    { code: det("CommandLine|re: 'abc$d'"), errors: [{ at: '$d', message: 'A character is required after `$` (end of text); this regular expression never matches.' }] },
    { name: 'before start', code: det("CommandLine|re: 'a^b'"), errors: [{ at: 'a^', message: /before `\^`/ }] },
  ],
});
