import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './yaml11-ambiguous-scalar.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'quoted', code: det("Enabled: 'yes'") }, { name: 'plain decimal', code: det('EventID: 4688') }],
  invalid: [
    { code: det('Enabled: yes'), errors: [{ at: 'yes', message: '`yes` unquoted is a boolean in YAML 1.1 (pySigma) but a string in YAML 1.2; quote it if the text is meant.' }] },
    { name: 'octal', code: det('Flags: 010'), errors: [{ at: '010', message: /octal/ }] },
    { name: 'hex', code: det('Status: 0x17'), errors: [{ at: '0x17', message: /hexadecimal/ }] },
    { name: 'sexagesimal', code: det('Time: 12:30'), errors: [{ at: '12:30', message: /base-60/ }] },
  ],
});
