import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './logsource-unknown-key.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('    product: windows\n', '    product: windows\n    definition: Sysmon with process creation enabled\n') }],
  invalid: [{ code: edit('    category: process_creation\n', '    categorie: process_creation\n'), errors: [{ at: 'categorie', message: '`categorie` is not a logsource key (category, product, service, definition); it is ignored.' }] }],
});
