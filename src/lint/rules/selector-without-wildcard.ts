import { defineCheck } from '../types.js';
import { detectionOf, walkCondition } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/selector-without-wildcard',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: '`1 of x` / `all of x` has a `*` in its pattern (without one it is just `x`).',
    messages: { noWildcard: '`{text}` has no `*`, so it is the same as `{pattern}`.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_missing_asterisk_condition'],
  },
  check({ rule, report }) {
    for (const condition of detectionOf(rule)?.conditions ?? [])
      walkCondition(condition.expression, (node) => {
        if (node.type === 'selector' && node.pattern !== 'them' && !node.pattern.includes('*'))
          report('noWildcard', node.span, { text: `${node.quantifierText} of ${node.pattern}`, pattern: node.pattern });
      });
  },
});
