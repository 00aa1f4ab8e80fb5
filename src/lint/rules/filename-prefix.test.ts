import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './filename-prefix.js';

const SECURITY = edit('    category: process_creation\n    product: windows\n', '    product: windows\n    service: security\n');

lintTable(check, {
  valid: [
    { code: BASE },
    { code: SECURITY, path: 'rules/windows/builtin/security/win_security_example_rule.yml' },
    { name: 'unknown logsource', code: edit('product: windows', 'product: zeek'), path: 'rules/network/zeek_example_rule.yml' },
    { name: 'a product that is the name of an object property', code: edit('product: windows', 'product: toString'), path: 'rules/example_rule.yml' },
  ],
  invalid: [
    { code: BASE, path: 'rules/windows/process_creation/win_example_rule.yml', errors: [{ at: 'category: process_creation\n    product: windows', message: 'Rules for this logsource are named `proc_creation_win_…`; the file is `win_example_rule.yml`.' }] },
    { name: 'product fallback', code: edit('category: process_creation', 'category: clipboard_capture'), path: 'rules/windows/x/clip_example_rule.yml', errors: [{ at: 'category: clipboard_capture\n    product: windows', message: /`win_…`/ }] },
  ],
});
