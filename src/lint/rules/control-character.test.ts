import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './control-character.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'backslash t in single quotes', code: det("Image: 'C:\\temp\\tool.exe'") }],
  invalid: [{ code: det('Image: "C:\\temp\\tool.exe"'), errors: [{ at: '"C:\\temp\\tool.exe"', message: 'The value contains the control character U+0009; in double quotes `\\t` is an escape, use single quotes for a backslash.' }] }],
});
