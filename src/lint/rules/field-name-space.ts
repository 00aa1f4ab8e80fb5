import { defineCheck } from '../types.js';
import { items, valueFacts, FACT_FIELD_SPACE } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/field-name-space',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Field names contain no spaces (they come from rendered messages, not from the event fields).',
    messages: { space: 'The field name `{field}` contains a space.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_space_field_name'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_FIELD_SPACE) === 0) return;
    for (const { item } of items(rule)) if (item.field?.includes(' ') && item.fieldSpan) report('space', item.fieldSpan, { field: item.field });
  },
});
