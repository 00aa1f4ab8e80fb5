import { defineCheck } from '../types.js';
import { isPlainStringItem, items, wildcardPositions, valueFacts, FACT_DOUBLE_STAR } from '../util/model.js';
import { innerOffset, subSpan } from '../util/scalar.js';

export default defineCheck({
  meta: {
    id: 'lint/double-wildcard',
    severity: 'info',
    presets: ['recommended'],
    docs: 'A value has no `**` (two wildcards in a row match the same as one).',
    messages: { double: '`**` matches the same as `*`.' },
    fixable: true,
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:double_wildcard'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_DOUBLE_STAR) === 0) return;
    for (const { item } of items(rule)) {
      // Most values have no `**`: look at the values before the modifiers.
      if (!item.values.some((v) => typeof v.value === 'string' && v.value.includes('**')) || !isPlainStringItem(item)) continue;
      for (const value of item.values) {
        if (typeof value.value !== 'string' || !value.value.includes('**')) continue;
        const stars = wildcardPositions(value.value).filter((w) => w.char === '*').map((w) => w.index);
        for (let i = 1; i < stars.length; i++) {
          if (stars[i] !== stars[i - 1] + 1 || (i > 1 && stars[i - 1] === stars[i - 2] + 1)) continue;
          const base = innerOffset(value.node);
          const fix = base === undefined ? undefined : [{ offset: base + stars[i], endOffset: base + stars[i] + 1, text: '' }];
          report('double', subSpan(rule.file, value.node, stars[i - 1], stars[i] + 1), {}, { fix });
        }
      }
    }
  },
});
