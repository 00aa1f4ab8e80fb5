import { defineCheck } from '../types.js';
import { detectionOf, walkCondition } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/selector-single-match',
    severity: 'info',
    presets: ['sigmahq'],
    docs: 'A `1 of x_*` / `all of x_*` selector matches at least two searches (otherwise name the search); patterns starting with `selection_` or `filter_` are exempt.',
    messages: { single: '`{text}` matches only `{name}`; name it directly.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_ofselection_condition'],
  },
  check({ rule, report }) {
    for (const condition of detectionOf(rule)?.conditions ?? [])
      walkCondition(condition.expression, (node) => {
        if (node.type !== 'selector' || !node.pattern.endsWith('_*') || /^(selection|filter)_/.test(node.pattern)) return;
        if (node.matches.length === 1) report('single', node.span, { text: `${node.quantifierText} of ${node.pattern}`, name: node.matches[0] });
      });
  },
});
