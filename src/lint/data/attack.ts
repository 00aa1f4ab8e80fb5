/**
 * ATT&CK Enterprise tactic short names as Sigma tags use them, as of ATT&CK v19, which split
 * Defense Evasion into Stealth and Defense Impairment. No package in the npm registry ships the
 * ATT&CK catalogue (techniques, groups, software), so those tags are checked by id syntax only.
 */
export const ATTACK_TACTICS: ReadonlySet<string> = new Set([
  'reconnaissance',
  'resource-development',
  'initial-access',
  'execution',
  'persistence',
  'privilege-escalation',
  'stealth',
  'defense-impairment',
  'credential-access',
  'discovery',
  'lateral-movement',
  'collection',
  'command-and-control',
  'exfiltration',
  'impact',
]);

/** Tactics retired by ATT&CK, with what replaced them. */
export const RETIRED_TACTICS: ReadonlyMap<string, string> = new Map([['defense-evasion', '`attack.stealth` or `attack.defense-impairment` (ATT&CK v19 split it)']]);

/** Ids of techniques (t1059, t1059.001), groups, software, data sources, mitigations and campaigns. */
export const ATTACK_ID = /^(t\d{4}(\.\d{3})?|g\d{4}|s\d{4}|ds\d{4}|m\d{4}|c\d{4})$/;
