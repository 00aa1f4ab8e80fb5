import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/date-in-future',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`date` and `modified` are not in the future (a typo in the year or month).',
    messages: { future: '`{key}` ({value}) is in the future.' },
    options: { today: { type: 'string', default: '', description: 'Reference date (YYYY-MM-DD); today when empty.' } },
  },
  check({ rule, options, report }) {
    const today = (options.today as string) || new Date().toISOString().slice(0, 10);
    for (const [key, located] of [['date', rule.date], ['modified', rule.modified]] as const)
      if (located && /^\d{4}-\d{2}-\d{2}$/.test(located.value) && located.value > today)
        report('future', located.span, { key, value: located.value });
  },
});
