import { defineCheck } from '../types.js';
import { items, valueFacts } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/windash-with-all',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`windash` and `all` are not combined: pySigma rejects it, and other tools disagree on how the dash variants combine with AND.',
    messages: { combined: '`windash` with `all` is rejected by pySigma and read differently by other tools.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:invalid_modifier_combinations'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).modifiers.includes('windash')) return;
    for (const { item } of items(rule)) {
      const windash = item.modifiers.find((m) => m.name === 'windash');
      if (windash && item.modifiers.some((m) => m.name === 'all')) report('combined', windash.span);
    }
  },
});
