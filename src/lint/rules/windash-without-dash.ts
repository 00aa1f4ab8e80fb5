import { defineCheck } from '../types.js';
import { items, valueFacts } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/windash-without-dash',
    severity: 'info',
    presets: ['recommended'],
    docs: '`windash` is used on values with a `-` or `/` at the start of a word (otherwise it changes nothing).',
    messages: { noDash: '`windash` does nothing here: no value has a `-` or `/` starting a word.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).modifiers.includes('windash')) return;
    for (const { item } of items(rule)) {
      const windash = item.modifiers.find((m) => m.name === 'windash');
      if (!windash) continue;
      if (!item.values.some((v) => typeof v.value === 'string' && /(^|\W)[-/]\w/.test(v.value))) report('noDash', windash.span);
    }
  },
});
