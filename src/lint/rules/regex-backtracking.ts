import safeRegex from 'safe-regex2';
import { defineCheck } from '../types.js';
import { regexValues } from '../util/model.js';

/** The pattern in JavaScript syntax, as far as safe-regex2's parser needs it. */
function toJavaScript(pattern: string): string {
  // Small bounded repeats ({2}, {1,8}) cannot blow up exponentially; only unbounded nesting counts.
  return pattern
    .replace(/(?<!\\)\{\d+(,\d{1})?\}/g, '')
    // An optional atom (`x?`, `(…)?`) repeats at most once; a `?` after `(`, `\\`, or another quantifier is not one.
    .replace(/(?<![\\(*+?}])\?/g, '').replace(/^\(\?[imsx]+\)/, '').replace(/\(\?P</g, '(?<').replace(/\(\?P=(\w+)\)/g, '\\k<$1>');
}

export default defineCheck({
  meta: {
    id: 'lint/regex-backtracking',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Regular expressions have no nested quantifiers such as `(a+)+` that make backtracking engines (PCRE, Python, JavaScript, most SIEMs) take exponential time.',
    messages: { redos: 'This regular expression nests quantifiers (star height above 1); backtracking engines can take exponential time on it.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    const values = regexValues(rule);
    if (values.length === 0) return;
    for (const { value, pattern } of values) {
      let safe = true;
      try {
        const js = toJavaScript(pattern);
        new RegExp(js);
        safe = safeRegex(js, { limit: Number.MAX_SAFE_INTEGER });
      } catch {
        continue;
      }
      if (!safe) report('redos', value.span);
    }
  },
});
