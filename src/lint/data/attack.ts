/**
 * ATT&CK Enterprise tactics: short name (as used in Sigma tags) → tactic id. These fourteen are
 * stable across ATT&CK releases (v10 through v18). No npm package ships the ATT&CK technique
 * catalogue, so technique, group and software tags are checked by id syntax only.
 */
export const ATTACK_TACTICS: Record<string, string> = {
  reconnaissance: 'TA0043',
  'resource-development': 'TA0042',
  'initial-access': 'TA0001',
  execution: 'TA0002',
  persistence: 'TA0003',
  'privilege-escalation': 'TA0004',
  'defense-evasion': 'TA0005',
  'credential-access': 'TA0006',
  discovery: 'TA0007',
  'lateral-movement': 'TA0008',
  collection: 'TA0009',
  'command-and-control': 'TA0011',
  exfiltration: 'TA0010',
  impact: 'TA0040',
};
