import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/timespan-unit-nonstandard',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A correlation `timespan` uses the units of the specification (`s`, `m`, `h`, `d`); `w`, `M` and `y` are pySigma extensions.',
    messages: { unit: 'The timespan unit `{unit}` is a pySigma extension; write it in {suggest}.' },
    kinds: ['correlation'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'correlation' || !rule.correlation.timespan) return;
    const match = /^(\d+)([wMy])$/.exec(rule.correlation.timespan.value.trim());
    if (match) report('unit', rule.correlation.timespan.span, { unit: match[2], suggest: match[2] === 'w' ? `days (\`${Number(match[1]) * 7}d\`)` : 'days' });
  },
});
