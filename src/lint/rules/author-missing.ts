import { missingAttribute } from '../util/factories.js';

export default missingAttribute({
  id: 'lint/author-missing',
  key: 'author',
  get: (rule) => rule.author,
  presets: ['sigmahq'],
  equivalents: ['sigmahq:sigmahq_author_existence'],
  kinds: ['detection', 'correlation'],
  why: 'SigmaHQ credits and contacts the author',
});
