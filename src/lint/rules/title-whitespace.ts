import { defineCheck } from '../types.js';
import { respellEdit } from '../util/scalar.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/title-whitespace',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'The title has no leading, trailing or repeated spaces (they break duplicate-title checks and searches).',
    messages: { spaces: 'The title has leading, trailing or repeated whitespace.' },
    fixable: true,
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'title');
    if (!rule.title || node?.kind !== 'scalar') return;
    const title = rule.title.value;
    const clean = title.trim().replace(/\s+/g, ' ');
    if (clean !== title && clean) report('spaces', rule.title.span, {}, { fix: respellEdit(node, clean) });
  },
});
