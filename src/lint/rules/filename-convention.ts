import { defineCheck } from '../types.js';
import { documentStart, fileName } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/filename-convention',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'The file name is 10–90 characters of `[a-z0-9_]` with at least one `_`, ending in `.yml`.',
    messages: { convention: 'The file name `{name}` should be 10–90 characters of lowercase letters, digits and `_`, ending in `.yml`.' },
    equivalents: ['sigmahq:sigmahq_filename_convention', 'sigmahq-test:test_file_names'],
  },
  check({ rule, report }) {
    if (rule.documentIndex !== 0) return;
    const name = fileName(rule);
    if (!/^[a-z0-9_]{10,90}\.yml$/.test(name) || !name.includes('_')) report('convention', documentStart(rule), { name });
  },
});
