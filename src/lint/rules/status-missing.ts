import { missingAttribute } from '../util/factories.js';

export default missingAttribute({
  id: 'lint/status-missing',
  key: 'status',
  get: (rule) => rule.status,
  presets: ['sigmahq'],
  equivalents: ['sigmahq:sigmahq_status_existence'],
  kinds: ['detection', 'correlation'],
  why: 'it says how far the rule can be trusted',
});
