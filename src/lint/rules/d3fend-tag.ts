import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/d3fend-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`d3fend.*` tags name a D3FEND tactic (`d3fend.detect`), technique id (`d3fend.d3-pa`) or artifact (`d3fend.d3f-…`).',
    messages: { format: 'The D3FEND tag `{tag}` is not a tactic name, a technique id (`d3-…`) or an artifact (`d3f-…`).' },
    equivalents: ['pysigma:d3_fendtag'],
  },
  check({ rule, report }) {
    const tags = tagsIn(rule, 'd3fend');
    if (tags.length === 0) return;
    const tactics = ['model', 'harden', 'detect', 'isolate', 'deceive', 'evict', 'restore'];
    for (const tag of tags)
      if (!tactics.includes(tag.name) && !/^d3-[a-z]+$/.test(tag.name) && !/^d3f-[a-z0-9-]+$/i.test(tag.name))
        report('format', tag.located.span, { tag: tag.located.value });
  },
});
