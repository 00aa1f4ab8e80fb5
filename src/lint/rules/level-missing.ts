import { missingAttribute } from '../util/factories.js';

export default missingAttribute({
  id: 'lint/level-missing',
  key: 'level',
  get: (rule) => rule.level,
  presets: ['sigmahq'],
  equivalents: ['sigmahq:sigmahq_level_existence'],
  kinds: ['detection', 'correlation'],
  why: 'alert triage depends on it',
});
