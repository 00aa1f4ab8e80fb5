import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/detection-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`detection.*` tags are `detection.dfir`, `detection.emerging-threats` or `detection.threat-hunting`.',
    messages: { unknown: 'The detection tag `{tag}` is not one of `detection.dfir`, `detection.emerging-threats`, `detection.threat-hunting`.' },
    equivalents: ['pysigma:detection_tag'],
  },
  check({ rule, report }) {
    const tags = tagsIn(rule, 'detection');
    if (tags.length === 0) return;
    for (const tag of tags)
      if (!['dfir', 'emerging-threats', 'threat-hunting'].includes(tag.name)) report('unknown', tag.located.span, { tag: tag.located.value });
  },
});
