import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './logsource-incoherent.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('    category: process_creation\n', '    service: security\n') }],
  invalid: [
    { code: edit('    product: windows\n', '    product: windows\n    service: sysmon\n'), errors: [{ at: 'category: process_creation\n    product: windows\n    service: sysmon', message: /both `category` and `service`/ }] },
    { name: 'service without product', code: edit('    category: process_creation\n    product: windows\n', '    service: cisco\n'), errors: [{ at: 'cisco', message: 'The logsource sets `service` without `product`.' }] },
  ],
});
