import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/related-self',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`related` does not list the rule\'s own id, nor the same id twice.',
    messages: {
      self: '`related` lists the rule\'s own id.',
      duplicate: '`related` lists the id `{id}` twice.',
    },
  },
  check({ rule, report }) {
    const seen = new Set<string>();
    for (const entry of rule.related) {
      if (!entry.id) continue;
      const id = entry.id.value.toLowerCase();
      if (rule.id && id === rule.id.value.toLowerCase()) report('self', entry.id.span);
      else if (seen.has(id)) report('duplicate', entry.id.span, { id: entry.id.value });
      seen.add(id);
    }
  },
});
