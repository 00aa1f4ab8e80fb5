import { defineCheck } from '../types.js';
import { detectionOf, walkCondition } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/all-of-them',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`all of them` is avoided: a search added later (a filter) silently joins the AND. Use `all of selection_*`.',
    messages: { allOfThem: '`all of them` also pulls in every search added later; use `all of selection_*`.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:all_of_them_condition'],
  },
  check({ rule, report }) {
    const detection = detectionOf(rule);
    if (!detection || detection.searches.length < 2) return;
    for (const condition of detection.conditions)
      walkCondition(condition.expression, (node) => {
        if (node.type === 'selector' && node.pattern === 'them' && node.quantifier === 'all') report('allOfThem', node.span);
      });
  },
});
