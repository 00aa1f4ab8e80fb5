import { defineCheck } from '../types.js';
import { unwrapSingleItemSeq } from '../util/edits.js';
import { items, itemValueNode, valueFacts, FACT_SINGLE_ITEM_LIST } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/single-value-list',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A list with one value is written as that value.',
    messages: { single: 'A list with a single value; write the value itself.' },
    fixable: true,
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq-test:test_selection_list_one_value'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_SINGLE_ITEM_LIST) === 0) return;
    const seen = new Set<number>();
    for (const { item, search } of items(rule)) {
      if (!item.key || item.values.length !== 1) continue;
      const node = itemValueNode(search, item);
      if (node?.kind !== 'seq' || node.items.length !== 1 || seen.has(node.span.offset)) continue;
      seen.add(node.span.offset);
      const edit = unwrapSingleItemSeq(rule.file.text, item.key, node);
      report('single', node.span, {}, { fix: edit && [edit] });
    }
  },
});
