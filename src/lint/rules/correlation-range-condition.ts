import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/correlation-range-condition',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A correlation condition with several operators (a range such as `gt: 100` + `lte: 200`) is valid Sigma but pySigma rejects it; tools built on pySigma will not convert the rule.',
    messages: { range: 'The condition has {count} operators; pySigma accepts exactly one.' },
    kinds: ['correlation'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'correlation') return;
    const condition = rule.correlation.condition;
    if (condition && condition.operators.length > 1) report('range', condition.span, { count: condition.operators.length });
  },
});
