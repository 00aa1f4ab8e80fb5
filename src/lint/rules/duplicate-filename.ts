import { uniqueAcrossRules } from '../util/uniqueness.js';
import { documentStart, fileName } from '../util/model.js';

export default uniqueAcrossRules({
  id: 'lint/duplicate-filename',
  what: 'file name',
  severity: 'warning',
  presets: ['sigmahq'],
  docs: 'Rule file names are unique across folders (tools that flatten the tree would overwrite one with the other).',
  key: (rule) => (rule.documentIndex === 0 ? fileName(rule) : undefined),
  locate: (rule) => ({ span: documentStart(rule), display: fileName(rule) }),
  equivalents: ['pysigma:duplicate_filename', 'sigmahq-test:test_file_names'],
});
