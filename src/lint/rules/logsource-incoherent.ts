import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/logsource-incoherent',
    severity: 'warning',
    presets: [],
    docs: 'A logsource with a `service` names its `product`, and does not also set a `category`.',
    messages: {
      categoryAndService: 'The logsource sets both `category` and `service`; a service already says which events these are.',
      serviceWithoutProduct: 'The logsource sets `service` without `product`.',
    },
    kinds: ['detection'],
    equivalents: ['sigmahq:sigmahq_logsource_coherent'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'detection') return;
    const ls = rule.logsource;
    if (ls.category && ls.service) report('categoryAndService', ls.span);
    else if (ls.service && !ls.product) report('serviceWithoutProduct', ls.service.span);
  },
});
