import { defineCheck } from '../types.js';
import { valueFacts } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/provider-eventid-instead-of-category',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Process creation is selected with `category: process_creation`, not with `EventID: 1` or `4688` plus a Sysmon or Security-Auditing `Provider_Name`.',
    messages: { category: 'EventID {eventId} with the provider `{provider}` is process creation: use `category: process_creation`.' },
    kinds: ['detection'],
    equivalents: ['sigmahq-test:test_event_id_instead_of_process_creation'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'detection' || !valueFacts(rule).fields.includes('Provider_Name')) return;
    for (const search of rule.detection.searches)
      for (const alternative of search.alternatives) {
        const provider = alternative
          .filter((i) => i.field === 'Provider_Name')
          .flatMap((i) => i.values.map((v) => String(v.value)))
          .find((p) => /Microsoft-Windows-(Sysmon|Security-Auditing)/i.test(p));
        if (!provider) continue;
        for (const item of alternative)
          if (item.field === 'EventID')
            for (const value of item.values) {
              const id = Number(value.value);
              if ((id === 1 && /sysmon/i.test(provider)) || (id === 4688 && /security/i.test(provider)))
                report('category', value.span, { eventId: id, provider });
            }
      }
  },
});
