import type { DetectionItem } from '../../rule/model.js';
import { defineCheck } from '../types.js';
import { items } from '../util/model.js';
import { SYSMON_EVENT_CATEGORY } from '../data/sigmahq.js';

export default defineCheck({
  meta: {
    id: 'lint/generic-logsource-available',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A rule on `windows/sysmon` EventID 1–29 or `windows/security` 4688 uses the generic category instead (e.g. `process_creation`), so it works with every source of those events.',
    messages: { generic: 'EventID {eventId} on `{service}` has a generic logsource: use `category: {category}` and drop the EventID.' },
    kinds: ['detection'],
    equivalents: ['pysigma:specific_instead_of_generic_logsource'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'detection' || rule.logsource.product?.value !== 'windows' || rule.logsource.category) return;
    const service = rule.logsource.service?.value;
    if (service !== 'sysmon' && service !== 'security') return;
    const eventItems: DetectionItem[] = [];
    for (const { item } of items(rule)) if (item.field === 'EventID' && item.modifiers.length === 0) eventItems.push(item);
    for (const item of eventItems)
      for (const value of item.values) {
        const id = Number(value.value);
        const category = service === 'sysmon' ? SYSMON_EVENT_CATEGORY[id] : id === 4688 ? 'process_creation' : undefined;
        if (category) report('generic', value.span, { eventId: id, service: `windows/${service}`, category });
      }
  },
});
