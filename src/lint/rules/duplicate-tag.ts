import { defineCheck } from '../types.js';
import { repeatedListItems } from '../util/repeated-items.js';

export default defineCheck({
  meta: {
    id: 'lint/duplicate-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Each tag is listed once.',
    messages: { duplicate: 'The tag `{tag}` is listed twice.' },
    fixable: true,
    equivalents: ['pysigma:duplicate_tag'],
  },
  check({ rule, report }) {
    for (const { item, text, fix } of repeatedListItems(rule, 'tags')) {
      report('duplicate', item.span, { tag: text }, { fix });
    }
  },
});
