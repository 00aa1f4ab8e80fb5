import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/modified-equals-date',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: '`modified` is set only when it differs from `date`.',
    messages: { same: '`modified` is the same day as `date`; leave it out until the rule changes.' },
    equivalents: ['sigmahq:sigmahq_redundant_modified'],
  },
  check({ rule, report }) {
    if (rule.modified && rule.date && rule.modified.value === rule.date.value) report('same', rule.modified.span);
  },
});
