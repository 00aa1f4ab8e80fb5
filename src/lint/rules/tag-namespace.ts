import { defineCheck } from '../types.js';
import { tagsOf } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/tag-namespace',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Tag namespaces are the ones the Sigma tag appendix defines: attack, car, cve, d3fend, detection, stp, tlp.',
    messages: { unknown: 'The tag namespace `{namespace}` is not one of {known}.' },
    options: {
      namespaces: { type: 'string[]', default: ['attack', 'car', 'cve', 'd3fend', 'detection', 'stp', 'tlp'], description: 'Allowed namespaces.' },
    },
    equivalents: ['pysigma:namespace_tag'],
  },
  check({ rule, options, report }) {
    const known = options.namespaces as string[];
    for (const tag of tagsOf(rule))
      if (tag.name && !known.includes(tag.namespace))
        report('unknown', tag.located.span, { namespace: tag.namespace, known: known.map((k) => `\`${k}\``).join(', ') });
  },
});
