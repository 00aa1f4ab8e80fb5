import { defineCheck } from '../types.js';
import { respellEdit, subSpan } from '../util/scalar.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/title-end',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The title does not end with a period (it is a name, not a sentence).',
    messages: { period: 'The title ends with a period.' },
    fixable: true,
    equivalents: ['sigmahq:sigmahq_title_end'],
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'title');
    if (!rule.title || node?.kind !== 'scalar') return;
    const title = rule.title.value;
    if (!title.endsWith('.') || title.endsWith('..')) return;
    report('period', subSpan(rule.file, node, title.length - 1, title.length), {}, { fix: respellEdit(node, title.slice(0, -1).trimEnd()) });
  },
});
