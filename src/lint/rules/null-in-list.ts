import { defineCheck } from '../types.js';
import { items, valueFacts, FACT_NULL, FACT_MULTI_VALUE } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/null-in-list',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`null` is not mixed into a value list: the specification wants it as its own selection, and backends treat it differently.',
    messages: { mixed: '`null` inside a value list; test for a missing field in a search of its own.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & (FACT_NULL | FACT_MULTI_VALUE)) !== (FACT_NULL | FACT_MULTI_VALUE)) return;
    for (const { item } of items(rule))
      if (item.values.length > 1) for (const value of item.values) if (value.value === null) report('mixed', value.span);
  },
});
