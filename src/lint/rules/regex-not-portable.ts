import { defineCheck } from '../types.js';
import { regexValues } from '../util/model.js';
import { scanRegex, type RegexToken } from '../util/regex-scan.js';
import { subSpan } from '../util/scalar.js';

/** Constructs and the engines (of Python `re`, PCRE, RE2, JavaScript) that do not accept them. */
function problem(token: RegexToken, first: boolean): { what: string; engines: string } | undefined {
  const t = token.text;
  if (token.kind === 'group') {
    if (t.startsWith('(?P<')) return { what: 'named group `(?P<…>)`', engines: 'JavaScript' };
    if (/^\(\?<\w/.test(t)) return { what: 'named group `(?<…>)`', engines: 'Python' };
    if (t.startsWith('(?P=')) return { what: 'named backreference', engines: 'RE2, JavaScript' };
    if (t.startsWith('(?#')) return { what: 'comment group', engines: 'RE2, JavaScript' };
    if (/^\(\?\(/.test(t)) return { what: 'conditional group', engines: 'RE2, JavaScript' };
    if (/^\(\?[aiLmsux-]+\)$/.test(t) && !first) return { what: `inline flag \`${t}\` after the start`, engines: 'Python 3.11+, JavaScript' };
    if (/^\(\?[aiLmsux-]+:$/.test(t)) return { what: `scoped flag group \`${t}\``, engines: 'JavaScript (Node 20)' };
    return undefined;
  }
  if (token.kind === 'quantifier' && t.length > 1 && t.endsWith('+')) return { what: `possessive quantifier \`${t}\``, engines: 'RE2, JavaScript, Python before 3.11' };
  if (token.kind === 'class' && /\[:\w+:\]/.test(t)) return { what: 'POSIX class', engines: 'Python, JavaScript' };
  if (token.kind === 'escape') {
    const e = t[1];
    if (/^[1-9]$/.test(e)) return { what: `backreference \`${t}\``, engines: 'RE2' };
    if (e === 'k') return { what: 'named backreference', engines: 'RE2, Python' };
    if (e === 'A' || e === 'Z' || e === 'z') return { what: `anchor \`${t}\``, engines: 'JavaScript' };
    if ('hHRKGQEXC'.includes(e) && e !== undefined) return { what: `escape \`${t.slice(0, 2)}\``, engines: 'Python, JavaScript' };
    if ((e === 'p' || e === 'P')) return { what: `Unicode property \`${t}\``, engines: 'Python' };
    if (e === 'x' && t[2] === '{') return { what: `escape \`${t}\``, engines: 'Python, JavaScript' };
  }
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'lint/regex-not-portable',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Regular expressions keep to the syntax Python `re`, PCRE, RE2 and JavaScript share (no backreferences, possessive quantifiers, `(?P<…>)`, `\\A`/`\\Z`, POSIX classes, mid-pattern inline flags).',
    messages: { portable: 'The {what} is not supported by {engines}.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    const values = regexValues(rule);
    if (values.length === 0) return;
    for (const { value, pattern } of values) {
      scanRegex(pattern).forEach((token, index) => {
        const found = problem(token, index === 0);
        if (found) report('portable', subSpan(rule.file, value.node, token.index, token.index + token.text.length), found);
      });
    }
  },
});
