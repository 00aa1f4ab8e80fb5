import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/logsource-value-format',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Logsource category, product and service are lowercase, with `_` for spaces (`.` and `-` allowed), so they match the taxonomy and pipelines.',
    messages: { format: 'The logsource {key} `{value}` should be lowercase letters, digits, `_`, `-` and `.`.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if (rule.kind === 'correlation') return;
    for (const key of ['category', 'product', 'service'] as const) {
      const located = rule.logsource[key];
      if (located && !/^[a-z0-9_.-]+$/.test(located.value)) report('format', located.span, { key, value: located.value });
    }
  },
});
