import { defineCheck } from '../types.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/modified-before-date',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`modified` is not earlier than `date` (the two are usually swapped).',
    messages: { order: '`modified` ({modified}) is earlier than `date` ({date}); the two look swapped.' },
    fixable: true,
    equivalents: ['sigmahq:sigmahq_modified_date_order'],
  },
  check({ rule, report }) {
    if (!rule.date || !rule.modified || rule.modified.value >= rule.date.value) return;
    const dateNode = topLevelValue(rule, 'date');
    const modifiedNode = topLevelValue(rule, 'modified');
    const fix =
      dateNode?.kind === 'scalar' && modifiedNode?.kind === 'scalar'
        ? [
            { offset: dateNode.span.offset, endOffset: dateNode.span.endOffset, text: modifiedNode.source },
            { offset: modifiedNode.span.offset, endOffset: modifiedNode.span.endOffset, text: dateNode.source },
          ]
        : undefined;
    report('order', rule.modified.span, { modified: rule.modified.value, date: rule.date.value }, { fix });
  },
});
