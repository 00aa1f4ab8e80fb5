import { defineCheck } from '../types.js';
import { items, valueFacts, FACT_CONTROL } from '../util/model.js';

const ESCAPES = new Map([
  [9, 't'],
  [10, 'n'],
  [13, 'r'],
  [8, 'b'],
  [12, 'f'],
  [11, 'v'],
  [0, '0'],
  [7, 'a'],
]);

export default defineCheck({
  meta: {
    id: 'lint/control-character',
    severity: 'error',
    presets: ['recommended'],
    docs: 'Values contain no control characters (a `"\\t"` or `"\\n"` in double quotes becomes a TAB or newline, rarely what a path or command line holds).',
    messages: { control: 'The value contains the control character U+{code}; in double quotes `\\{escape}` is an escape, use single quotes for a backslash.' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:control_character'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_CONTROL) === 0) return;
    for (const { item } of items(rule))
      for (const value of item.values) {
        if (typeof value.value !== 'string' || value.node.style === 'literal' || value.node.style === 'folded') continue;
        const match = /[\x00-\x1f]/.exec(value.value);
        if (!match) continue;
        const code = match[0].charCodeAt(0);
        report('control', value.span, { code: code.toString(16).toUpperCase().padStart(4, '0'), escape: ESCAPES.get(code) ?? 'x' });
      }
  },
});
