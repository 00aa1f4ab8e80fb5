import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/modified-without-date',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A rule with `modified` also has `date` (when it was created).',
    messages: { missing: 'The rule has `modified` but no `date`.' },
    equivalents: ['sigmahq:sigmahq_modified_without_date'],
  },
  check({ rule, report }) {
    if (rule.modified && !rule.date) report('missing', rule.modified.span);
  },
});
