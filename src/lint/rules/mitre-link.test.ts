import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './mitre-link.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: edit('https://example.org/report', 'https://attack.mitre.org/techniques/T1059/'), errors: [{ at: 'https://attack.mitre.org/techniques/T1059/' }] }],
});
