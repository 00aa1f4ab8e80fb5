import { defineCheck } from '../types.js';
import { items } from '../util/model.js';
import { CATEGORIES_WITHOUT_EVENTID } from '../data/sigmahq.js';

export default defineCheck({
  meta: {
    id: 'lint/category-event-id',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A rule on a Windows category that stands for one kind of event (process_creation, image_load, …) does not select an `EventID`: backends map the category to the right event ids.',
    messages: { redundant: 'The category `{category}` already selects its events; the `EventID` item ties the rule to one log source.' },
    kinds: ['detection'],
    equivalents: ['sigmahq:sigmahq_category_event_id'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'detection' || rule.logsource.product?.value !== 'windows') return;
    const category = rule.logsource.category?.value;
    if (!category || !CATEGORIES_WITHOUT_EVENTID.includes(category)) return;
    for (const { item } of items(rule)) if (item.field === 'EventID' && item.key) report('redundant', item.key.span, { category });
  },
});
