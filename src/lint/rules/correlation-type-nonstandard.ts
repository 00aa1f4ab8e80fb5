import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/correlation-type-nonstandard',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Correlation types are those of the specification; `value_median` exists only in pySigma.',
    messages: { type: 'The correlation type `{type}` is a pySigma extension that other tools do not know.' },
    kinds: ['correlation'],
  },
  check({ rule, report }) {
    if (rule.kind === 'correlation' && rule.correlation.type?.value === 'value_median')
      report('type', rule.correlation.type.span, { type: 'value_median' });
  },
});
