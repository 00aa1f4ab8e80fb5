import { optionSet } from '../util/option-set.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/custom-attribute',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'No top-level keys outside the Sigma specification, except those allowed (`regression_tests_path`, `simulation`, `tests`).',
    messages: { custom: 'The top-level key `{key}` is not a Sigma attribute.' },
    options: {
      allowed: { type: 'string[]', default: ['regression_tests_path', 'simulation', 'tests'], description: 'Custom keys that are accepted.' },
    },
    equivalents: ['sigmahq:sigmahq_unknown_field'],
  },
  check({ rule, options, report }) {
    const allowed = optionSet(options.allowed as string[]);
    for (const { key } of rule.customAttributes)
      if (!allowed.has(String(key.value))) report('custom', key.span, { key: String(key.value) });
  },
});
