import type { TextEdit } from '../../core/diagnostic.js';
import { defineCheck } from '../types.js';
import { trimScalarSource } from '../util/edits.js';
import { hasModifier, isRegexItem, items, valueFacts } from '../util/model.js';
import { leadingInlineFlags } from '../util/regex-scan.js';
import { subSpan } from '../util/scalar.js';

const MODIFIER: Record<string, string> = { i: 'i', m: 'm', s: 's' };

export default defineCheck({
  meta: {
    id: 'lint/regex-inline-flags',
    severity: 'info',
    presets: ['recommended'],
    docs: 'Regex flags are written as sub-modifiers (`|re|i`) rather than a leading `(?i)`, which the specification deprecates and not every engine reads.',
    messages: { inline: 'Write the inline flags `{group}` as the modifier(s) {modifiers}.' },
    fixable: true,
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).modifiers.includes('re')) return;
    for (const { item } of items(rule)) {
      if (!isRegexItem(item) || !item.key) continue;
      const flags = item.values.map((v) => (typeof v.value === 'string' ? leadingInlineFlags(v.value) : undefined));
      flags.forEach((found, index) => {
        if (!found) return;
        const value = item.values[index];
        const letters = [...found.flags];
        const modifiers = letters.map((l) => `\`|${l}\``).join(', ');
        const group = `(?${found.flags})`;
        let fix: TextEdit[] | undefined;
        const allSame = flags.every((f) => f?.flags === found.flags);
        if (allSame && index === 0 && letters.every((l) => l in MODIFIER) && item.key!.style === 'plain') {
          fix = [];
          const missing = letters.filter((l) => !hasModifier(item, l, { i: 'ignorecase', m: 'multiline', s: 'dotall' }[l]!));
          if (missing.length) fix.push({ offset: item.key!.span.endOffset, endOffset: item.key!.span.endOffset, text: missing.map((l) => `|${l}`).join('') });
          for (const v of item.values) {
            const text = trimScalarSource(v.node, found.length, 0);
            if (text === undefined || v.node.style === 'plain') {
              fix = undefined;
              break;
            }
            fix.push({ offset: v.span.offset, endOffset: v.span.endOffset, text });
          }
        }
        report('inline', subSpan(rule.file, value.node, 0, found.length), { group, modifiers }, { fix });
      });
    }
  },
});
