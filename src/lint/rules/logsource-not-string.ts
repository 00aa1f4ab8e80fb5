import { defineCheck } from '../types.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/logsource-not-string',
    severity: 'error',
    presets: ['recommended'],
    docs: 'Logsource values are strings (not lists, maps, numbers or null).',
    messages: { type: 'The logsource `{key}` should be a string.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq-test:test_invalid_logsource_attributes'],
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'logsource');
    if (node?.kind !== 'map') return;
    for (const { key, value } of node.entries)
      if (value.kind !== 'scalar' || typeof value.value !== 'string') report('type', value.span, { key: String(key.value) });
  },
});
