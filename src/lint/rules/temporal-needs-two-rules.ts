import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/temporal-needs-two-rules',
    severity: 'error',
    presets: ['recommended'],
    docs: 'A `temporal` or `temporal_ordered` correlation refers to at least two rules (with one it is an `event_count`).',
    messages: { few: 'A `{type}` correlation over {count} rule(s) correlates nothing; it needs at least two.' },
    kinds: ['correlation'],
    equivalents: ['sigmahq:sigmahq_correlation_rules_minimum'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'correlation') return;
    const type = rule.correlation.type?.value;
    if ((type === 'temporal' || type === 'temporal_ordered') && rule.correlation.rules.length < 2 && !rule.correlation.conditionExpression)
      report('few', rule.correlation.type!.span, { type, count: rule.correlation.rules.length });
  },
});
