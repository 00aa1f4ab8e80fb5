import { defineCheck } from '../types.js';
import { removeSeqItem } from '../util/edits.js';
import { hasModifier, items, itemValueNode, valueFacts, FACT_MULTI_VALUE } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/duplicate-value',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A value list has no duplicates (compared case-insensitively unless `cased`, `re` or `base64` make case matter).',
    messages: { duplicate: 'The value `{value}` is listed twice in this item.' },
    fixable: true,
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_field_duplicate_value'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_MULTI_VALUE) === 0) return;
    for (const { item, search } of items(rule)) {
      if (item.values.length < 2) continue;
      const caseMatters = hasModifier(item, 'cased', 're', 'base64', 'base64offset');
      let node: ReturnType<typeof itemValueNode> | null = null;
      const seen = new Set<string>();
      item.values.forEach((value) => {
        const key = `${typeof value.value}:${caseMatters ? String(value.value) : String(value.value).toLowerCase()}`;
        if (seen.has(key)) {
          // The value node is looked up only when there is something to remove.
          if (node === null) node = itemValueNode(search, item);
          const index = node?.kind === 'seq' ? node.items.indexOf(value.node) : -1;
          const edit = index >= 0 && node?.kind === 'seq' ? removeSeqItem(rule.file.text, node, index) : undefined;
          const exact = item.values.some((other) => other !== value && other.value === value.value && other.span.offset < value.span.offset);
          report('duplicate', value.span, { value: String(value.value) }, { fix: exact && edit ? [edit] : undefined });
        }
        seen.add(key);
      });
    }
  },
});
