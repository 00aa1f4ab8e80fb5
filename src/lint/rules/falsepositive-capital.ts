import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/falsepositive-capital',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Each `falsepositives` entry starts with a capital letter.',
    messages: { lowercase: 'The false-positive entry `{entry}` should start with a capital letter.' },
    equivalents: ['sigmahq:sigmahq_falsepositives_capital'],
  },
  check({ rule, report }) {
    for (const fp of rule.falsepositives) {
      const first = fp.value[0];
      if (first && first !== first.toUpperCase()) report('lowercase', fp.span, { entry: fp.value });
    }
  },
});
