import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/link-in-description',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Links and "internal research" go into `references`, not into a description of a rule without references.',
    messages: { link: 'The description contains `{what}` but the rule has no `references`; list the source there.' },
    equivalents: ['sigmahq:sigmahq_link_in_description'],
  },
  check({ rule, report }) {
    if (!rule.description || rule.references.length > 0) return;
    const text = rule.description.value.toLowerCase();
    const what = ['http://', 'https://', 'internal research'].find((w) => text.includes(w));
    if (what) report('link', rule.description.span, { what });
  },
});
