import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/stp-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`stp.*` tags give a Summiting the Pyramid score: a level 1–5 with an optional `a`, `u` or `k`.',
    messages: { format: 'The STP tag `{tag}` is not a level 1–5 with an optional `a`, `u` or `k` (e.g. `stp.3k`).' },
    equivalents: ['pysigma:stptag'],
  },
  check({ rule, report }) {
    const tags = tagsIn(rule, 'stp');
    if (tags.length === 0) return;
    for (const tag of tags)
      if (!/^[1-5][auk]?$/.test(tag.name)) report('format', tag.located.span, { tag: tag.located.value });
  },
});
