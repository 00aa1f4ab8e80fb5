import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './regex-unsupported-group.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'named group is not lookbehind', code: det("CommandLine|re: '(?<name>a)b'") }],
  invalid: [
    { code: det("CommandLine|re: 'foo(?!bar)'"), errors: [{ at: '(?!', message: 'The negative lookahead `(?!` is not supported by RE2-based engines.' }] },
    { name: 'lookbehind', code: det("CommandLine|re: '(?<=x)y'"), errors: [{ at: '(?<=', message: /lookbehind/ }] },
  ],
});
