import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './field-name-space.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: det("Process Name|endswith: '\\a.exe'"), errors: [{ at: 'Process Name', message: 'The field name `Process Name` contains a space.' }] }],
});
