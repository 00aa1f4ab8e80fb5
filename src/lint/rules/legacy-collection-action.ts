import { defineCheck } from '../types.js';
import { topLevelKey } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/legacy-collection-action',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'No Sigma 1 collection actions (`action: global`, `reset`, `repeat`): Sigma 2 dropped them; write each rule out in full.',
    messages: { legacy: '`action: {action}` is a Sigma 1 collection feature; write the rules out in full.' },
  },
  check({ rule, report }) {
    const key = topLevelKey(rule, 'action');
    if (!key) return;
    const value = rule.node.entries.find((e) => e.key === key)!.value;
    report('legacy', key.span, { action: value.kind === 'scalar' ? String(value.value) : '…' });
  },
});
