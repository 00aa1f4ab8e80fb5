import { defineCheck } from '../types.js';
import { detectionOf, walkCondition } from '../util/model.js';

/** A double negation needs two `not` in the condition text (most conditions have one at most). */
const TWO_NOTS = /not[^]*not/i;

export default defineCheck({
  meta: {
    id: 'lint/double-negation',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A condition does not say `not not x` (it is `x`; usually a leftover of an edit).',
    messages: { double: '`not not` cancels out.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    for (const condition of detectionOf(rule)?.conditions ?? []) {
      if (!TWO_NOTS.test(condition.text)) continue;
      walkCondition(condition.expression, (node) => {
        if (node.type === 'not' && node.operand.type === 'not') report('double', node.span);
      });
    }
  },
});
