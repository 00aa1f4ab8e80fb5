import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';
import { ATTACK_ID, ATTACK_TACTICS, RETIRED_TACTICS } from '../data/attack.js';
import { loadAttackBundle } from '../data/attack-stix.js';

export default defineCheck({
  meta: {
    id: 'lint/attack-tag',
    severity: 'warning',
    presets: ['recommended'],
    docs: '`attack.*` tags name an ATT&CK tactic (by its short name, as of ATT&CK v19) or the id of a technique (t1059, t1059.001), group (g0016), software (s0002), data source, mitigation or campaign; with the `stix` option, ids are looked up in that ATT&CK bundle (unknown, revoked, deprecated).',
    messages: {
      unknown: 'The ATT&CK tag `{tag}` is neither a tactic name nor a technique, group, software, data source, mitigation or campaign id.',
      retired: 'The ATT&CK tactic `{tag}` no longer exists; use {replacement}.',
      notInData: 'The ATT&CK tag `{tag}` names no tactic, technique, group, software, campaign, mitigation or data source of ATT&CK{version}.',
      revoked: 'The ATT&CK tag `{tag}` ({name}) was revoked{version}; use `attack.{replacement}`.',
      revokedNoReplacement: 'The ATT&CK tag `{tag}` ({name}) was revoked{version}.',
      deprecated: 'The ATT&CK tag `{tag}` ({name}) is deprecated{version}.',
    },
    options: {
      stix: {
        type: 'path',
        default: '',
        description: 'An ATT&CK STIX bundle such as enterprise-attack.json (relative to the config file); when set, every tag is looked up in it.',
      },
    },
    equivalents: ['pysigma:attacktag'],
  },
  check({ rule, report, options }) {
    const data = options.stix ? loadAttackBundle(String(options.stix)) : undefined;
    const version = data?.version ? ` v${data.version}` : '';
    for (const tag of tagsIn(rule, 'attack')) {
      const at = tag.located.span;
      if (!data) {
        if (RETIRED_TACTICS.has(tag.name)) report('retired', at, { tag: tag.located.value, replacement: RETIRED_TACTICS.get(tag.name)! });
        else if (!ATTACK_TACTICS.has(tag.name) && !ATTACK_ID.test(tag.name)) report('unknown', at, { tag: tag.located.value });
        continue;
      }
      if (data.tactics.has(tag.name)) continue;
      const object = data.objects.get(tag.name);
      if (!object) {
        if (RETIRED_TACTICS.has(tag.name)) report('retired', at, { tag: tag.located.value, replacement: RETIRED_TACTICS.get(tag.name)! });
        else report('notInData', at, { tag: tag.located.value, version });
      } else if (object.revoked && object.replacedBy) report('revoked', at, { tag: tag.located.value, name: object.name, version: ` in ATT&CK${version}`, replacement: object.replacedBy });
      else if (object.revoked) report('revokedNoReplacement', at, { tag: tag.located.value, name: object.name, version: ` in ATT&CK${version}` });
      else if (object.deprecated) report('deprecated', at, { tag: tag.located.value, name: object.name, version: ` in ATT&CK${version}` });
    }
  },
});
