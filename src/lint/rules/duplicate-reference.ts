import { defineCheck } from '../types.js';
import { repeatedListItems } from '../util/repeated-items.js';

export default defineCheck({
  meta: {
    id: 'lint/duplicate-reference',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Each reference is listed once.',
    messages: { duplicate: 'The reference `{reference}` is listed twice.' },
    fixable: true,
    equivalents: ['pysigma:duplicate_references'],
  },
  check({ rule, report }) {
    for (const { item, text, fix } of repeatedListItems(rule, 'references')) {
      report('duplicate', item.span, { reference: text }, { fix });
    }
  },
});
