import { defineCheck } from '../types.js';
import { detectionOf, referencedSearches } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/unused-search',
    severity: 'error',
    presets: ['recommended'],
    docs: 'Every search identifier is used by the condition (an unused one is usually a forgotten filter).',
    messages: { unused: 'The search `{name}` is not used by the condition.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:dangling_detection'],
  },
  check({ rule, report }) {
    const detection = detectionOf(rule);
    if (!detection || detection.conditions.some((c) => !c.expression)) return;
    const used = referencedSearches(detection);
    for (const search of detection.searches) if (!used.has(search.name)) report('unused', search.nameSpan, { name: search.name });
  },
});
