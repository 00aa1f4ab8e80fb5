import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/description-equals-title',
    severity: 'info',
    presets: [],
    docs: 'The description adds something to the title instead of repeating it.',
    messages: { same: 'The description repeats the title; say what the rule looks for and why it matters.' },
  },
  check({ rule, report }) {
    if (!rule.description || !rule.title || Math.abs(rule.description.value.length - rule.title.value.length) > 8) return;
    const norm = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
    if (norm(rule.description.value) === norm(rule.title.value)) report('same', rule.description.span);
  },
});
