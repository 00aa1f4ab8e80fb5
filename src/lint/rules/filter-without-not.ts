import { defineCheck } from '../types.js';
import { walkCondition } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/filter-without-not',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A filter rule\'s condition contains `not`: the filter condition is AND-ed to the rule as written, so `condition: selection` narrows the rule to the selection instead of excluding it.',
    messages: { noNot: 'The filter condition has no `not`: it keeps only events matching it instead of excluding them.' },
    kinds: ['filter'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'filter') return;
    for (const condition of rule.detection.conditions) {
      if (!condition.expression) continue;
      let negated = false;
      walkCondition(condition.expression, (node) => {
        if (node.type === 'not') negated = true;
      });
      if (!negated) report('noNot', condition.span, {}, { hint: 'Write `condition: not selection` to exclude the selected events.' });
    }
  },
});
