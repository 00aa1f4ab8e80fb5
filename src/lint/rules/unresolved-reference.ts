import type { Located, Rule } from '../../rule/model.js';
import { defineCheck } from '../types.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export default defineCheck({
  meta: {
    id: 'lint/unresolved-reference',
    severity: 'error',
    presets: ['recommended'],
    docs: 'Every rule a correlation or filter refers to (by id or name) is among the rules checked; a correlation refers only to detection or correlation rules.',
    messages: {
      missing: 'No rule with the {kind} `{ref}` is among the rules checked.',
      filterTarget: 'A correlation cannot refer to the filter rule `{ref}`.',
    },
  },
  finalize({ rules, report }) {
    if (!rules.some((rule) => rule.kind === 'correlation' || (rule.kind === 'filter' && rule.filterRules !== 'any'))) return;
    const byId = new Map<string, Rule>();
    const byName = new Map<string, Rule>();
    for (const rule of rules) {
      if (rule.id) byId.set(rule.id.value.toLowerCase(), rule);
      if (rule.name) byName.set(rule.name.value, rule);
    }
    const resolve = (ref: Located<string>) => (UUID.test(ref.value) ? byId.get(ref.value.toLowerCase()) : byName.get(ref.value));
    for (const rule of rules) {
      const refs = rule.kind === 'correlation' ? rule.correlation.rules : rule.kind === 'filter' && rule.filterRules !== 'any' ? rule.filterRules : [];
      for (const ref of refs) {
        const target = resolve(ref);
        if (!target) report(rule, 'missing', ref.span, { kind: UUID.test(ref.value) ? 'id' : 'name', ref: ref.value });
        else if (rule.kind === 'correlation' && target.kind === 'filter') report(rule, 'filterTarget', ref.span, { ref: ref.value });
      }
    }
  },
});
