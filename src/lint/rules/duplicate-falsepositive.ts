import { defineCheck } from '../types.js';
import { repeatedListItems } from '../util/repeated-items.js';

export default defineCheck({
  meta: {
    id: 'lint/duplicate-falsepositive',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Each `falsepositives` entry is listed once.',
    messages: { duplicate: 'The false-positive entry `{entry}` is listed twice.' },
    fixable: true,
  },
  check({ rule, report }) {
    for (const { item, text, fix } of repeatedListItems(rule, 'falsepositives')) {
      report('duplicate', item.span, { entry: text }, { fix });
    }
  },
});
