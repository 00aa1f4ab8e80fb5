import { defineCheck } from '../types.js';
import { detectionOf, walkCondition } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/selector-matches-nothing',
    severity: 'error',
    presets: ['recommended'],
    docs: 'A `1 of x*` / `all of x*` selector matches at least one search identifier.',
    messages: { nothing: '`{text}` matches no search identifier.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:dangling_condition'],
  },
  check({ rule, report }) {
    for (const condition of detectionOf(rule)?.conditions ?? [])
      walkCondition(condition.expression, (node) => {
        if (node.type === 'selector' && node.matches.length === 0) report('nothing', node.span, { text: `${node.quantifierText} of ${node.pattern}` });
      });
  },
});
