import { defineCheck } from '../types.js';
import { items } from '../util/model.js';
import { CATEGORY_PROVIDERS } from '../data/sigmahq.js';

export default defineCheck({
  meta: {
    id: 'lint/category-provider-name',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A rule on a Windows category does not select the provider that category already implies (e.g. `Provider_Name: Microsoft-Windows-Sysmon` under `process_creation`).',
    messages: { redundant: 'The category `{category}` already implies the provider `{provider}`.' },
    kinds: ['detection'],
    equivalents: ['sigmahq:sigmahq_category_windows_provider_name'],
  },
  check({ rule, report }) {
    if (rule.kind !== 'detection' || rule.logsource.product?.value !== 'windows') return;
    const category = rule.logsource.category?.value;
    const providers = category ? CATEGORY_PROVIDERS.get(category) : undefined;
    if (!providers) return;
    for (const { item } of items(rule)) {
      if (item.field !== 'Provider_Name' || item.modifiers.length > 0) continue;
      for (const value of item.values)
        if (typeof value.value === 'string' && providers.includes(value.value)) report('redundant', value.span, { category: category!, provider: value.value });
    }
  },
});
