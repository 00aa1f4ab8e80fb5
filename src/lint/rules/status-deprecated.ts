import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/status-deprecated',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Rules in the main rule set are not `deprecated` or `unsupported` (those belong in their own folders).',
    messages: { status: 'The rule has status `{status}`; move it out of the active rule set or update it.' },
    equivalents: ['sigmahq:sigmahq_status'],
  },
  check({ rule, report }) {
    const status = rule.status?.value.toLowerCase();
    if (status !== 'deprecated' && status !== 'unsupported') return;
    if (/(^|\/)(deprecated|unsupported)\//.test(rule.file.path)) return;
    report('status', rule.status!.span, { status });
  },
});
