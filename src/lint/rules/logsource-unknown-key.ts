import { defineCheck } from '../types.js';
import { topLevelValue } from '../util/model.js';

const KNOWN = ['category', 'product', 'service', 'definition'];

export default defineCheck({
  meta: {
    id: 'lint/logsource-unknown-key',
    severity: 'error',
    presets: ['recommended'],
    docs: '`logsource` has only `category`, `product`, `service` and `definition` (a typo such as `categorie` is otherwise ignored).',
    messages: { unknown: '`{key}` is not a logsource key (category, product, service, definition); it is ignored.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:fieldname_logsource', 'sigmahq-test:test_invalid_logsource_attributes'],
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'logsource');
    if (node?.kind !== 'map') return;
    for (const { key } of node.entries)
      if (!KNOWN.includes(String(key.value))) report('unknown', key.span, { key: String(key.value) });
  },
});
