import { defineCheck } from '../types.js';
import { items } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/all-single-value',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`|all` is used with two or more values (with one it does nothing; the specification forbids it).',
    messages: { single: '`|all` with a single value does nothing.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_invalid_all_modifier'],
  },
  check({ rule, report }) {
    for (const { item } of items(rule)) {
      const all = item.modifiers.find((m) => m.name === 'all');
      if (all && item.values.length < 2) report('single', all.span);
    }
  },
});
