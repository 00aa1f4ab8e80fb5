import { defineCheck } from '../types.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/license-not-string',
    severity: 'error',
    presets: ['recommended'],
    docs: '`license`, when present, is a string (an SPDX identifier).',
    messages: { type: '`license` should be a string such as `DRL-1.1` or `MIT`.' },
    equivalents: ['sigmahq-test:test_optional_license'],
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'license');
    if (node && (node.kind !== 'scalar' || typeof node.value !== 'string')) report('type', node.span);
  },
});
