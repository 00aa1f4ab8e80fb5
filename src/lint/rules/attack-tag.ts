import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';
import { ATTACK_TACTICS } from '../data/attack.js';

export default defineCheck({
  meta: {
    id: 'lint/attack-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`attack.*` tags name an ATT&CK tactic (by its short name) or an id of a technique (t1059, t1059.001), group (g0016), software (s0002), data source (ds0009) or mitigation (m1038).',
    messages: {
      unknown: 'The ATT&CK tag `{tag}` is neither a tactic name nor a technique, group, software, data source or mitigation id.',
      tacticId: 'Tag the tactic by its name (`attack.{name}`), not by its id.',
    },
    equivalents: ['pysigma:attacktag'],
  },
  check({ rule, report }) {
    for (const tag of tagsIn(rule, 'attack')) {
      const name = tag.name;
      const byId = Object.entries(ATTACK_TACTICS).find(([, id]) => id.toLowerCase() === name);
      if (byId) report('tacticId', tag.located.span, { name: byId[0] });
      else if (!(name in ATTACK_TACTICS) && !/^(t\d{4}(\.\d{3})?|g\d{4}|s\d{4}|ds\d{4}|m\d{4})$/.test(name))
        report('unknown', tag.located.span, { tag: tag.located.value });
    }
  },
});
