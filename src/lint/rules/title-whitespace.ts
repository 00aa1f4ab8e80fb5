import { defineCheck } from '../types.js';
import { respellEdit } from '../util/scalar.js';
import { topLevelValue } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/title-whitespace',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'The title has no leading, trailing or repeated spaces (they break duplicate-title checks and searches).',
    messages: { spaces: 'The title has leading, trailing or repeated whitespace.' },
    fixable: true,
  },
  check({ rule, report }) {
    const node = topLevelValue(rule, 'title');
    if (!rule.title || node?.kind !== 'scalar') return;
    const clean = cleanTitle(rule.title.value);
    if (clean) report('spaces', rule.title.span, {}, { fix: respellEdit(node, clean) });
  },
});

/** The title trimmed, with each run of whitespace made one space; undefined when that changes nothing or leaves nothing. */
export function cleanTitle(title: string): string | undefined {
  // Leading or trailing whitespace, a run of it, or whitespace other than a space: what the clean-up changes.
  if (!/^\s|\s$|\s\s|[^\S ]/.test(title)) return undefined;
  return title.trim().replace(/\s+/g, ' ') || undefined;
}
