import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/correlation-group-by-missing',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Count and temporal correlations have `group-by` (without it every event of every host and user counts together).',
    messages: { missing: 'The `{type}` correlation has no `group-by`: events of all hosts and users are counted together.' },
    kinds: ['correlation'],
    equivalents: ['sigmahq:sigmahq_correlation_group_by_existence'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'correlation') return;
    const type = rule.correlation.type?.value;
    if (type && ['event_count', 'value_count', 'temporal', 'temporal_ordered'].includes(type) && rule.correlation.groupBy.length === 0)
      report('missing', rule.correlation.type!.span, { type });
  },
});
