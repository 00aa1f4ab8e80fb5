import { defineCheck } from '../types.js';
import { hasModifier, items, valueFacts } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/base64offset-without-contains',
    severity: 'error',
    presets: ['recommended'],
    docs: '`base64offset` is followed by `contains`: its three variants are fragments of a longer encoding, never a whole value.',
    messages: { contains: '`base64offset` without `contains` can only match by accident; add `|contains`.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:invalid_modifier_combinations'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).modifiers.includes('base64offset')) return;
    for (const { item } of items(rule)) {
      const modifier = item.modifiers.find((m) => m.name === 'base64offset');
      if (modifier && !hasModifier(item, 'contains')) report('contains', modifier.span);
    }
  },
});
