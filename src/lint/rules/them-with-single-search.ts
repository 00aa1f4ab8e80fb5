import { defineCheck } from '../types.js';
import { detectionOf, walkCondition } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/them-with-single-search',
    severity: 'info',
    presets: ['recommended'],
    docs: '`1 of them` / `all of them` is not used when there is only one search identifier (name it instead).',
    messages: { single: '`{text}` with a single search identifier; write `{name}` instead.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:them_condition_with_single_detection', 'sigmahq:sigmahq_ofthem_condition'],
  },
  check({ rule, report }) {
    const detection = detectionOf(rule);
    if (!detection || detection.searches.length !== 1) return;
    for (const condition of detection.conditions)
      walkCondition(condition.expression, (node) => {
        if (node.type === 'selector' && node.pattern === 'them')
          report('single', node.span, { text: `${node.quantifierText} of them`, name: detection.searches[0].name });
      });
  },
});
