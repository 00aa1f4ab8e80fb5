import { defineCheck } from '../types.js';

// The date is formatted once per day, not once per rule.
let day = '';
let dayEnds = 0;

function currentDay(): string {
  const now = Date.now();
  if (now >= dayEnds) {
    day = new Date(now).toISOString().slice(0, 10);
    dayEnds = Date.parse(`${day}T00:00:00Z`) + 86_400_000;
  }
  return day;
}

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
    const today = (options.today as string) || currentDay();
    for (const [key, located] of [['date', rule.date], ['modified', rule.modified]] as const)
      if (located && /^\d{4}-\d{2}-\d{2}$/.test(located.value) && located.value > today)
        report('future', located.span, { key, value: located.value });
  },
});
