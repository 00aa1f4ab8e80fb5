import { defineCheck } from '../types.js';
import { isPlainStringItem, items, valueFacts, FACT_NUMERIC_START } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/number-as-string',
    severity: 'info',
    presets: ['sigmahq'],
    docs: 'Numbers are written as numbers (`EventID: 4624`), not as quoted strings.',
    messages: { quoted: 'The number `{value}` is written as a string; leave out the quotes.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:number_as_string'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_NUMERIC_START) === 0) return;
    for (const { item } of items(rule)) {
      if (!isPlainStringItem(item) || item.modifiers.length > 0) continue;
      for (const value of item.values)
        if (typeof value.value === 'string' && /^-?\d+$/.test(value.value) && !/^-?0\d/.test(value.value))
          report('quoted', value.span, { value: value.value });
    }
  },
});
