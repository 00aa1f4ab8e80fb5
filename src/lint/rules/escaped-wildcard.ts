import { defineCheck } from '../types.js';
import { isPlainStringItem, items, escapedWildcardPositions, valueFacts, FACT_ESCAPED_WILDCARD } from '../util/model.js';
import { subSpan } from '../util/scalar.js';

export default defineCheck({
  meta: {
    id: 'lint/escaped-wildcard',
    severity: 'info',
    presets: ['recommended'],
    docs: 'An escaped wildcard (`\\*`, `\\?`) is meant: it matches a literal `*` or `?`, which is rare in logs.',
    messages: { escaped: '`{text}` matches a literal `{char}`, not a wildcard.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:escaped_wildcard'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_ESCAPED_WILDCARD) === 0) return;
    for (const { item } of items(rule)) {
      // Most values have no backslash: look at the values before the modifiers.
      if (!item.values.some((v) => typeof v.value === 'string' && v.value.includes('\\')) || !isPlainStringItem(item)) continue;
      for (const value of item.values) {
        if (typeof value.value !== 'string' || !value.value.includes('\\')) continue;
        for (const at of escapedWildcardPositions(value.value))
          report('escaped', subSpan(rule.file, value.node, at, at + 2), { text: value.value.slice(at, at + 2), char: value.value[at + 1] });
      }
    }
  },
});
