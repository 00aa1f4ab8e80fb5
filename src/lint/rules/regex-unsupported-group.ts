import { defineCheck } from '../types.js';
import { regexValues } from '../util/model.js';
import { scanRegex } from '../util/regex-scan.js';
import { subSpan } from '../util/scalar.js';

const NAMES: Record<string, string> = { '(?=': 'lookahead', '(?!': 'negative lookahead', '(?<=': 'lookbehind', '(?<!': 'negative lookbehind', '(?>': 'atomic group' };

export default defineCheck({
  meta: {
    id: 'lint/regex-unsupported-group',
    severity: 'error',
    presets: ['recommended'],
    docs: 'Regular expressions use no lookahead, lookbehind or atomic groups: many SIEM engines (RE2-based, Go, Rust) reject them.',
    messages: { group: 'The {what} `{text}` is not supported by RE2-based engines.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_unsupported_regex_group_construct'],
  },
  check({ rule, report }) {
    const values = regexValues(rule);
    if (values.length === 0) return;
    for (const { value, pattern } of values) {
      for (const token of scanRegex(pattern)) {
        const what = token.kind === 'group' ? Object.entries(NAMES).find(([p]) => token.text.startsWith(p) && !/^\(\?<\w/.test(token.text)) : undefined;
        if (what) report('group', subSpan(rule.file, value.node, token.index, token.index + what[0].length), { what: what[1], text: what[0] });
      }
    }
  },
});
