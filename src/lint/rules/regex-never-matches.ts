import { defineCheck } from '../types.js';
import { hasModifier, isRegexItem, items, valueFacts } from '../util/model.js';
import { scanRegex, type RegexToken } from '../util/regex-scan.js';
import { subSpan } from '../util/scalar.js';

const ZERO_WIDTH_ESCAPES = /^\\[bBAZzG]$/;

function consumes(token: RegexToken | undefined): boolean {
  if (!token) return false;
  if (token.kind === 'char' || token.kind === 'dot' || token.kind === 'class') return true;
  return token.kind === 'escape' && !ZERO_WIDTH_ESCAPES.test(token.text) && token.text !== '\\n';
}

function optional(token: RegexToken | undefined): boolean {
  return token?.kind === 'quantifier' && /^(\?|\*|\{0)/.test(token.text);
}

export default defineCheck({
  meta: {
    id: 'lint/regex-never-matches',
    severity: 'error',
    presets: ['recommended'],
    docs: 'A regular expression can match something: no character required after `$` or before `^` (without the `m` flag).',
    messages: {
      afterEnd: 'A character is required after `$` (end of text); this regular expression never matches.',
      beforeStart: 'A character is required before `^` (start of text); this regular expression never matches.',
    },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).modifiers.includes('re')) return;
    for (const { item } of items(rule)) {
      if (!isRegexItem(item) || hasModifier(item, 'm', 'multiline')) continue;
      for (const value of item.values) {
        if (typeof value.value !== 'string' || /\(\?[a-z]*m/.test(value.value)) continue;
        const tokens = scanRegex(value.value);
        tokens.forEach((token, i) => {
          if (token.kind !== 'anchor') return;
          if (token.text === '$' && consumes(tokens[i + 1]) && !optional(tokens[i + 2]))
            report('afterEnd', subSpan(rule.file, value.node, token.index, tokens[i + 1].index + tokens[i + 1].text.length));
          if (token.text === '^' && consumes(tokens[i - 1]) && !(i >= 2 && optional(tokens[i - 1])))
            report('beforeStart', subSpan(rule.file, value.node, tokens[i - 1].index, token.index + 1));
        });
      }
    }
  },
});
