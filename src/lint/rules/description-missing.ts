import { missingAttribute } from '../util/factories.js';

export default missingAttribute({
  id: 'lint/description-missing',
  key: 'description',
  get: (rule) => rule.description,
  presets: ['sigmahq'],
  equivalents: ['sigmahq:sigmahq_description_existence'],
  kinds: ['detection', 'correlation'],
  why: 'analysts read it when the rule fires',
});
