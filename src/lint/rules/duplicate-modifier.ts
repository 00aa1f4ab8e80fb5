import { defineCheck } from '../types.js';
import { items } from '../util/model.js';
import { canonicalModifier } from '../../rule/modifiers.js';

export default defineCheck({
  meta: {
    id: 'lint/duplicate-modifier',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A modifier appears once in a key (except `base64`, which may encode twice on purpose).',
    messages: { duplicate: 'The modifier `{name}` appears twice.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:invalid_modifier_combinations'],
  },
  check({ rule, report }) {
    for (const { item } of items(rule)) {
      const seen = new Set<string>();
      for (const modifier of item.modifiers) {
        const name = canonicalModifier(modifier.name);
        if (seen.has(name) && name !== 'base64') report('duplicate', modifier.span, { name: modifier.name });
        seen.add(name);
      }
    }
  },
});
