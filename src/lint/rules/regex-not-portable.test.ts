import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './regex-not-portable.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'common syntax', code: det("CommandLine|re: '^a[0-9]{2,4}\\s+(b|c)?$'") }, { name: 'leading flags', code: det("CommandLine|re: '(?i)abc'") }],
  invalid: [
    { name: 'backreference', code: det("CommandLine|re: '(a)\\1'"), errors: [{ at: '\\1', message: 'The backreference `\\1` is not supported by RE2.' }] },
    { name: 'python named group', code: det("CommandLine|re: '(?P<x>a)'"), errors: [{ at: '(?P<x>', message: 'The named group `(?P<…>)` is not supported by JavaScript.' }] },
    { name: 'possessive quantifier', code: det("CommandLine|re: 'a++b'"), errors: [{ at: '++', message: /possessive/ }] },
    { name: 'mid-pattern flag', code: det("CommandLine|re: 'a(?i)b'"), errors: [{ at: '(?i)', message: /inline flag/ }] },
  ],
});
