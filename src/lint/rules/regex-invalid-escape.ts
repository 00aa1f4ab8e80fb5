import { defineCheck } from '../types.js';
import { regexValues } from '../util/model.js';
import { subSpan } from '../util/scalar.js';

const PUNCTUATION = '!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~';
const ALLOWED = new Set([...PUNCTUATION, ...'AbBdDfnrsStvwWZ0123456789', ' ']);

export default defineCheck({
  meta: {
    id: 'lint/regex-invalid-escape',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'In `|re` values a backslash escapes only punctuation or a standard class/anchor (`\\d`, `\\s`, `\\w`, `\\b`, `\\A`, `\\Z`, …): other escapes mean different things to different engines.',
    messages: { escape: '`\\{char}` is not a portable escape in a regular expression.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq-test:test_re_invalid_escapes'],
  },
  check({ rule, report }) {
    const values = regexValues(rule);
    if (values.length === 0) return;
    for (const { value, pattern } of values) {
      const text = pattern;
      for (let i = 0; i < text.length - 1; i++) {
        if (text[i] !== '\\') continue;
        const next = text[i + 1];
        if (!ALLOWED.has(next)) report('escape', subSpan(rule.file, value.node, i, i + 2), { char: next });
        i++;
      }
    }
  },
});
