import { missingAttribute } from '../util/factories.js';

export default missingAttribute({
  id: 'lint/id-missing',
  key: 'id',
  get: (rule) => rule.id,
  presets: ['sigmahq'],
  equivalents: ['pysigma:identifier_existence'],
  why: 'a UUID lets other rules, filters and exclusion lists refer to it',
});
