import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';
import { ATTACK_ID, ATTACK_TACTICS, RETIRED_TACTICS } from '../data/attack.js';

export default defineCheck({
  meta: {
    id: 'lint/attack-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`attack.*` tags name an ATT&CK tactic (by its short name, as of ATT&CK v19) or the id of a technique (t1059, t1059.001), group (g0016), software (s0002), data source, mitigation or campaign.',
    messages: {
      unknown: 'The ATT&CK tag `{tag}` is neither a tactic name nor a technique, group, software, data source, mitigation or campaign id.',
      retired: 'The ATT&CK tactic `{tag}` no longer exists; use {replacement}.',
    },
    equivalents: ['pysigma:attacktag'],
  },
  check({ rule, report }) {
    for (const tag of tagsIn(rule, 'attack')) {
      if (tag.name in RETIRED_TACTICS) report('retired', tag.located.span, { tag: tag.located.value, replacement: RETIRED_TACTICS[tag.name] });
      else if (!ATTACK_TACTICS.has(tag.name) && !ATTACK_ID.test(tag.name)) report('unknown', tag.located.span, { tag: tag.located.value });
    }
  },
});
