import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/description-short',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The description says something: at least 16 characters (configurable with `min`).',
    messages: { short: 'The description is only {length} characters long; explain what the rule detects.' },
    options: { min: { type: 'number', default: 16, description: 'Shortest description allowed.' } },
    equivalents: ['sigmahq:sigmahq_description_length'],
  },
  check({ rule, options, report }) {
    const min = options.min as number;
    if (rule.description && rule.description.value.length < min)
      report('short', rule.description.span, { length: rule.description.value.length });
  },
});
