import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';
import { ATTACK_TACTICS } from '../data/attack.js';

export default defineCheck({
  meta: {
    id: 'lint/technique-without-tactic',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A rule with ATT&CK technique tags also has a tactic tag, so coverage maps place it.',
    messages: { missing: 'The technique tag `{tag}` has no ATT&CK tactic tag beside it.' },
    equivalents: ['sigmahq:sigmahq_tags_techniques_without_tactics'],
  },
  check({ rule, report }) {
    const tags = tagsIn(rule, 'attack');
    if (tags.some((t) => ATTACK_TACTICS.has(t.name) || t.name === 'defense-evasion')) return;
    const technique = tags.find((t) => /^t\d{4}/.test(t.name));
    if (technique) report('missing', technique.located.span, { tag: technique.located.value });
  },
});
