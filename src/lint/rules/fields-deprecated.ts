import { defineCheck } from '../types.js';
import { topLevelKey } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/fields-deprecated',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The `fields` attribute is not used (SigmaHQ deprecated it).',
    messages: { deprecated: 'The `fields` attribute is deprecated; remove it.' },
    equivalents: ['sigmahq:sigmahq_fields_existence'],
  },
  check({ rule, report }) {
    const key = topLevelKey(rule, 'fields');
    if (key) report('deprecated', key.span);
  },
});
