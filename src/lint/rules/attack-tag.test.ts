import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './attack-tag.js';

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'v19 tactics, sub-technique, group, software', code: edit('    - attack.t1059\n', '    - attack.stealth\n    - attack.defense-impairment\n    - attack.t1059.001\n    - attack.g0016\n    - attack.s0002\n') },
  ],
  invalid: [
    { name: 'unknown name', code: edit('attack.t1059', 'attack.execute'), errors: [{ at: 'attack.execute', message: 'The ATT&CK tag `attack.execute` is neither a tactic name nor a technique, group, software, data source, mitigation or campaign id.' }] },
    { name: 'malformed id', code: edit('attack.t1059', 'attack.t10591'), errors: [{ at: 'attack.t10591' }] },
    { name: 'retired tactic', code: edit('attack.execution', 'attack.defense-evasion'), errors: [{ at: 'attack.defense-evasion', message: /no longer exists; use `attack.stealth` or `attack.defense-impairment`/ }] },
  ],
});
