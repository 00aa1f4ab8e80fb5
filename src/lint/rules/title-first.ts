import { defineCheck } from '../types.js';
import { topLevelKey } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/title-first',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: '`title` is the first key of the rule document.',
    messages: { notFirst: '`title` should be the first key of the rule, before `{first}`.' },
    equivalents: ['sigmahq-test:test_title_in_first_line'],
  },
  check({ rule, report }) {
    const key = topLevelKey(rule, 'title');
    const first = rule.node.entries[0]?.key;
    if (key && first && first !== key) report('notFirst', key.span, { first: String(first.value) });
  },
});
