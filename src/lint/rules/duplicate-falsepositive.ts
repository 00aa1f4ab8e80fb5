import { defineCheck } from '../types.js';
import { removeSeqItem } from '../util/edits.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/duplicate-falsepositive',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Each `falsepositives` entry is listed once.',
    messages: { duplicate: 'The false-positive entry `{entry}` is listed twice.' },
    fixable: true,
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'falsepositives');
    if (node?.kind !== 'seq') return;
    const seen = new Set<string>();
    node.items.forEach((item, index) => {
      if (item.kind !== 'scalar' || typeof item.value !== 'string') return;
      if (seen.has(item.value)) {
        const edit = removeSeqItem(rule.file.text, node, index);
        report('duplicate', item.span, { entry: item.value }, { fix: edit && [edit] });
      }
      seen.add(item.value);
    });
  },
});
