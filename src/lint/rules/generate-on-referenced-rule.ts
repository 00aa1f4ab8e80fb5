import type { Rule } from '../../rule/model.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/generate-on-referenced-rule',
    severity: 'info',
    presets: [],
    docs: 'A rule referenced by a correlation with `generate: false` keeps its own `level`: it still produces no alert of its own, which surprises readers.',
    messages: { silent: 'This rule is used by the correlation `{correlation}` without `generate: true`, so its own matches produce no alert.' },
  },
  finalize({ rules, report }) {
    if (!rules.some((rule) => rule.kind === 'correlation' && rule.correlation.generate?.value !== true)) return;
    const byRef = new Map<string, Rule>();
    for (const rule of rules) {
      if (rule.id) byRef.set(rule.id.value.toLowerCase(), rule);
      if (rule.name) byRef.set(rule.name.value, rule);
    }
    for (const rule of rules) {
      if (rule.kind !== 'correlation' || rule.correlation.generate?.value === true) continue;
      for (const ref of rule.correlation.rules) {
        const target = byRef.get(ref.value) ?? byRef.get(ref.value.toLowerCase());
        if (target && target.kind === 'detection' && target.level && target.level.value !== 'informational')
          report(target, 'silent', target.level.span, { correlation: rule.title?.value ?? rule.name?.value ?? '' });
      }
    }
  },
});
