import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './logsource-value-format.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('category: process_creation', 'category: dns-server.analytic') }],
  invalid: [{ code: edit('product: windows', 'product: Windows'), errors: [{ at: 'Windows', message: 'The logsource product `Windows` should be lowercase letters, digits, `_`, `-` and `.`.' }] }],
});
