import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/title-length',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The title is at most 120 characters long (configurable with `max`).',
    messages: { long: 'The title is {length} characters long; keep it to {max} or fewer.' },
    options: { max: { type: 'number', default: 120, description: 'Longest title allowed.' } },
    equivalents: ['sigmahq:sigmahq_title_length'],
  },
  check({ rule, options, report }) {
    const max = options.max as number;
    if (rule.title && rule.title.value.length > max)
      report('long', rule.title.span, { length: rule.title.value.length, max });
  },
});
