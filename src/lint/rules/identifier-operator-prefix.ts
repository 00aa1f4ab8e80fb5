import { defineCheck } from '../types.js';
import { detectionOf } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/identifier-operator-prefix',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Search identifiers do not start with `not`, `and` or `or`: pySigma reads `notable` as `not able` and `selection orfilter` as `selection or filter`.',
    messages: { prefix: 'The search name `{name}` starts with the operator `{operator}`; pySigma-based tools misread it in conditions.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    for (const search of detectionOf(rule)?.searches ?? []) {
      const operator = /^(not|and|or)/.exec(search.name)?.[1];
      if (operator) report('prefix', search.nameSpan, { name: search.name, operator });
    }
  },
});
