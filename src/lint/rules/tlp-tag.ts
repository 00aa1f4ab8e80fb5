import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';

const V1 = ['white', 'green', 'amber', 'red'];
const V2 = ['clear', 'green', 'amber', 'amber-strict', 'red'];
/** Every label of either version. */
const ANY = [...new Set([...V1, ...V2])];

export default defineCheck({
  meta: {
    id: 'lint/tlp-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`tlp.*` tags use a Traffic Light Protocol label (option `version`: `1`, `2` or `any`).',
    messages: { unknown: 'The TLP tag `{tag}` is not a TLP {version} label ({labels}).' },
    options: { version: { type: 'string', default: 'any', description: 'TLP version: 1, 2 or any.' } },
    equivalents: ['pysigma:tlptag', 'pysigma:tlpv1_tag', 'pysigma:tlpv2_tag'],
  },
  check({ rule, options, report }) {
    const tags = tagsIn(rule, 'tlp');
    if (tags.length === 0) return;
    const version = String(options.version);
    const labels = version === '1' ? V1 : version === '2' ? V2 : ANY;
    for (const tag of tags)
      if (!labels.includes(tag.name))
        report('unknown', tag.located.span, { tag: tag.located.value, version: version === 'any' ? '1 or 2' : version, labels: labels.join(', ') });
  },
});
