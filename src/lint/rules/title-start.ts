import { defineCheck } from '../types.js';
import { subSpan } from '../util/scalar.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/title-start',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The title does not start with "Detects" (every rule detects something; name the behaviour).',
    messages: { detects: 'The title starts with `Detects`; name the behaviour instead.' },
    equivalents: ['sigmahq:sigmahq_title_start'],
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'title');
    if (!rule.title || node?.kind !== 'scalar') return;
    if (rule.title.value.startsWith('Detects ')) report('detects', subSpan(rule.file, node, 0, 7));
  },
});
