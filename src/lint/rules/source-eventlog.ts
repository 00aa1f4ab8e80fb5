import { defineCheck } from '../types.js';
import { items, valueFacts } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/source-eventlog',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'No `Source: Eventlog` item (a legacy way to say "Windows event log" that matches no field of modern events).',
    messages: { legacy: '`Source: Eventlog` is a legacy selector; use the logsource instead.' },
    kinds: ['detection'],
    equivalents: ['sigmahq-test:test_source_eventlog'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).fields.includes('Source')) return;
    for (const { item } of items(rule))
      if (item.field === 'Source')
        for (const value of item.values) if (String(value.value).toLowerCase() === 'eventlog') report('legacy', value.span);
  },
});
