import { defineCheck } from '../types.js';
import { items } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/sysmon-without-eventid',
    severity: 'error',
    presets: ['sigmahq'],
    docs: 'A rule on `service: sysmon` selects an `EventID` (Sysmon events of different types share field names).',
    messages: { missing: 'The rule reads `service: sysmon` but selects no `EventID`.' },
    kinds: ['detection'],
    equivalents: ['sigmahq:sigmahq_sysmon_missing_eventid', 'sigmahq-test:test_sysmon_rule_without_eventid'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'detection' || rule.logsource.service?.value !== 'sysmon') return;
    for (const { item } of items(rule)) if (item.field === 'EventID') return;
    report('missing', rule.logsource.service.span);
  },
});
