import { defineCheck } from '../types.js';
import { documentStart, fileName } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/filename-length',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The file name is 10 to 90 characters long (options `min`, `max`).',
    messages: { length: 'The file name `{name}` is {length} characters long; keep it between {min} and {max}.' },
    options: {
      min: { type: 'number', default: 10, description: 'Shortest file name.' },
      max: { type: 'number', default: 90, description: 'Longest file name.' },
    },
    equivalents: ['pysigma:filename_length'],
  },
  check({ rule, options, report }) {
    if (rule.documentIndex !== 0) return;
    const name = fileName(rule);
    const min = options.min as number;
    const max = options.max as number;
    if (name.length < min || name.length > max) report('length', documentStart(rule), { name, length: name.length, min, max });
  },
});
