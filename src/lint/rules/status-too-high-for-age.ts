import { defineCheck } from '../types.js';

const DAY = 86_400_000;

export default defineCheck({
  meta: {
    id: 'lint/status-too-high-for-age',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A rule younger than 60 days (option `days`) stays `experimental` unless it has regression tests.',
    messages: { young: 'The rule is {age} days old but already `{status}`; new rules start as `experimental`.' },
    options: {
      days: { type: 'number', default: 60, description: 'Age in days before a rule may be test or stable.' },
      today: { type: 'string', default: '', description: 'Reference date (YYYY-MM-DD); today when empty.' },
    },
    equivalents: ['sigmahq:sigmahq_status_to_high'],
  },
  check({ rule, options, report }) {
    const status = rule.status?.value.toLowerCase();
    if ((status !== 'test' && status !== 'stable') || !rule.date || rule.regressionTestsPath) return;
    const created = Date.parse(rule.date.value);
    const today = options.today ? Date.parse(options.today as string) : Date.now();
    if (Number.isNaN(created)) return;
    const age = Math.floor((today - created) / DAY);
    if (age <= (options.days as number)) report('young', rule.status!.span, { age, status });
  },
});
