import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './regex-inline-flags.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { code: det("CommandLine|re|i: 'abc'") }],
  invalid: [
    { code: det("CommandLine|re: '(?i)abc'"), errors: [{ at: '(?i)', message: 'Write the inline flags `(?i)` as the modifier(s) `|i`.' }], output: det("CommandLine|re|i: 'abc'") },
    { name: 'flag already a modifier', code: det("CommandLine|re|i: '(?i)abc'"), errors: [{ at: '(?i)' }], output: det("CommandLine|re|i: 'abc'") },
  ],
});
