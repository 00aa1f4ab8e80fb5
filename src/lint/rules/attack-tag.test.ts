import { describe, expect, it } from 'vitest';
import { loadRuleText } from '../../rule/load.js';
import { AttackDataError, loadAttackBundle, parseAttackBundle } from '../data/attack-stix.js';
import { LintConfigError, lintRules } from '../run.js';
import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './attack-tag.js';

/** An excerpt of ATT&CK v16.1 in its STIX form: two tactics, T1059 and T1059.001, T1086 (revoked by T1059.001), T1064 (deprecated), G0016, S0002. */
const STIX = 'test/fixtures/attack/enterprise-attack-excerpt.json';

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'v19 tactics, sub-technique, group, software', code: edit('    - attack.t1059\n', '    - attack.stealth\n    - attack.defense-impairment\n    - attack.t1059.001\n    - attack.g0016\n    - attack.s0002\n') },
    { name: 'with ATT&CK data: known tactic, technique, sub-technique, group, software', options: { stix: STIX }, code: edit('    - attack.t1059\n', '    - attack.t1059\n    - attack.t1059.001\n    - attack.g0016\n    - attack.s0002\n') },
    { name: 'with ATT&CK data: the tactics are those of the data (v16.1 still has defense-evasion)', options: { stix: STIX }, code: edit('attack.execution', 'attack.defense-evasion') },
  ],
  invalid: [
    { name: 'unknown name', code: edit('attack.t1059', 'attack.execute'), errors: [{ at: 'attack.execute', message: 'The ATT&CK tag `attack.execute` is neither a tactic name nor a technique, group, software, data source, mitigation or campaign id.' }] },
    { name: 'a name of an object property', code: edit('attack.t1059', 'attack.constructor'), errors: [{ at: 'attack.constructor', message: 'The ATT&CK tag `attack.constructor` is neither a tactic name nor a technique, group, software, data source, mitigation or campaign id.' }] },
    { name: 'malformed id', code: edit('attack.t1059', 'attack.t10591'), errors: [{ at: 'attack.t10591' }] },
    { name: 'retired tactic', code: edit('attack.execution', 'attack.defense-evasion'), errors: [{ at: 'attack.defense-evasion', message: /no longer exists; use `attack.stealth` or `attack.defense-impairment`/ }] },
    { name: 'with ATT&CK data: a well-formed id that ATT&CK does not have', options: { stix: STIX }, code: edit('attack.t1059', 'attack.t9999'), errors: [{ at: 'attack.t9999', message: 'The ATT&CK tag `attack.t9999` names no tactic, technique, group, software, campaign, mitigation or data source of ATT&CK v16.1.' }] },
    { name: 'with ATT&CK data: a revoked technique, with what replaced it', options: { stix: STIX }, code: edit('attack.t1059', 'attack.t1086'), errors: [{ at: 'attack.t1086', message: 'The ATT&CK tag `attack.t1086` (PowerShell) was revoked in ATT&CK v16.1; use `attack.t1059.001`.' }] },
    { name: 'with ATT&CK data: a deprecated technique', options: { stix: STIX }, code: edit('attack.t1059', 'attack.t1064'), errors: [{ at: 'attack.t1064', message: 'The ATT&CK tag `attack.t1064` (Scripting) is deprecated in ATT&CK v16.1.' }] },
    { name: 'with ATT&CK data: a tactic name the data does not have', options: { stix: STIX }, code: edit('attack.execution', 'attack.stealth'), errors: [{ at: 'attack.stealth', message: /names no tactic, technique/ }] },
  ],
});

describe('ATT&CK data from a STIX bundle', () => {
  it('reads the objects, the tactics, the version and what revoked objects were replaced by', () => {
    const data = loadAttackBundle(STIX);
    expect(data.version).toBe('16.1');
    expect([...data.tactics]).toEqual(['execution', 'defense-evasion']);
    expect(data.objects.get('t1086')).toEqual({ id: 't1086', name: 'PowerShell', revoked: true, deprecated: false, replacedBy: 't1059.001' });
    expect([...data.objects.keys()].sort()).toEqual(['g0016', 's0002', 't1059', 't1059.001', 't1064', 't1086']);
  });

  it.each([
    ['not JSON', '{', /is not JSON/],
    ['not a bundle', '{"type": "x"}', /is not a STIX bundle/],
    ['a bundle without ATT&CK objects', '{"type": "bundle", "objects": [{"type": "attack-pattern", "name": "x"}]}', /holds no ATT&CK objects/],
  ])('says what is wrong with a file that is %s', (_name, text, message) => {
    expect(() => parseAttackBundle(text, 'attack.json')).toThrow(message);
  });

  it('a bundle that cannot be read is a configuration error of the run, naming the file', () => {
    const rules = loadRuleText('r.yml', BASE).rules;
    const run = () => lintRules(rules, { checks: { 'lint/attack-tag': { options: { stix: 'no/such/enterprise-attack.json' } } } });
    expect(run).toThrow(LintConfigError);
    expect(run).toThrow(AttackDataError);
    expect(run).toThrow('cannot read the ATT&CK data `no/such/enterprise-attack.json`: it does not exist.');
  });
});
