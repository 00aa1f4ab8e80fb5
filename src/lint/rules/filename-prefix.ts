import { defineCheck } from '../types.js';
import { fileName } from '../util/model.js';
import { expectedFilePrefix } from '../data/sigmahq.js';

export default defineCheck({
  meta: {
    id: 'lint/filename-prefix',
    severity: 'warning',
    presets: [],
    docs: 'The file name starts with the prefix SigmaHQ uses for the rule\'s logsource (`proc_creation_win_`, `win_security_`, `aws_`, …).',
    messages: { prefix: 'Rules for this logsource are named `{prefix}…`; the file is `{name}`.' },
    kinds: ['detection'],
    equivalents: ['sigmahq:sigmahq_filename_prefix', 'sigmahq-test:test_file_names'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'detection') return;
    if (rule.file.text.includes('correlation:')) return;
    const ls = rule.logsource;
    const prefix = expectedFilePrefix(ls.category?.value, ls.product?.value, ls.service?.value);
    const name = fileName(rule);
    if (prefix && !name.startsWith(prefix)) report('prefix', ls.span, { prefix, name });
  },
});
