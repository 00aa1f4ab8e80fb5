import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/detection-tag-multiple',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A rule has at most one `detection.*` tag.',
    messages: { multiple: 'The rule has more than one `detection.*` tag; keep one.' },
    equivalents: ['sigmahq:sigmahq_tags_unique_detection'],
  },
  check({ rule, report }) {
    const tags = tagsIn(rule, 'detection');
    if (tags.length < 2) return;
    for (const tag of tags.slice(1)) report('multiple', tag.located.span);
  },
});
