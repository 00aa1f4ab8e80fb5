import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/car-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`car.*` tags name a MITRE CAR analytic as `car.YYYY-MM-NNN`.',
    messages: { format: 'The CAR tag `{tag}` is not `car.YYYY-MM-NNN`.' },
    equivalents: ['pysigma:cartag'],
  },
  check({ rule, report }) {
    const tags = tagsIn(rule, 'car');
    if (tags.length === 0) return;
    for (const tag of tags)
      if (!/^\d{4}-\d{2}-\d{3}$/.test(tag.name)) report('format', tag.located.span, { tag: tag.located.value });
  },
});
