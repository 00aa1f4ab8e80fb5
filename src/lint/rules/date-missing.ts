import { missingAttribute } from '../util/factories.js';

export default missingAttribute({
  id: 'lint/date-missing',
  key: 'date',
  get: (rule) => rule.date,
  presets: ['sigmahq'],
  equivalents: ['sigmahq:sigmahq_date_existence'],
  kinds: ['detection', 'correlation'],
  why: 'the creation date drives status promotion and review',
});
