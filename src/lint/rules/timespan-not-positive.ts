import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/timespan-not-positive',
    severity: 'error',
    presets: ['recommended'],
    docs: 'A correlation `timespan` is longer than zero (`0m` or `-5m` get through pySigma but make an empty window).',
    messages: { nonPositive: 'The timespan `{value}` is not positive; the correlation window is empty.' },
    kinds: ['correlation'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'correlation') return;
    const timespan = rule.correlation.timespan;
    if (!timespan) return;
    const number = /^\s*([-+]?\d+)/.exec(timespan.value)?.[1];
    if ((timespan.seconds !== undefined && timespan.seconds <= 0) || (number !== undefined && Number(number) <= 0))
      report('nonPositive', timespan.span, { value: timespan.value });
  },
});
