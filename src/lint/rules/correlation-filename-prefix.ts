import { defineCheck } from '../types.js';
import { documentStart, fileName } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/correlation-filename-prefix',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Files with correlation rules are named `correlation_…` (SigmaHQ; the specification suggests `mr_`).',
    messages: { prefix: 'The correlation rule file `{name}` should start with `{prefix}`.' },
    options: { prefix: { type: 'string', default: 'correlation_', description: 'Required prefix.' } },
    kinds: ['correlation'],
    equivalents: ['sigmahq:sigmahq_correlation_filename_prefix'],
  },
  check({ rule, options, report }) {
    const name = fileName(rule);
    const prefix = options.prefix as string;
    if (!name.startsWith(prefix)) report('prefix', documentStart(rule), { name, prefix });
  },
});
