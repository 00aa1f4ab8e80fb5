import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/trademark-attck',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The file does not contain the trademark "ATT&CK" (SigmaHQ writes "ATTACK" or uses tags).',
    messages: { trademark: 'The rule file contains the trademark `ATT&CK`.' },
    equivalents: ['sigmahq-test:test_legal_trademark_violations'],
  },
  check({ rule, report }) {
    if (rule.documentIndex !== 0) return;
    const text = rule.file.text;
    const at = text.indexOf('ATT&CK');
    if (at !== -1) report('trademark', rule.file.span(at, at + 6));
  },
});
