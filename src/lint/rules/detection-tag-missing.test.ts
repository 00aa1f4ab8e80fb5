import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './detection-tag-missing.js';

const HUNT = 'rules-threat-hunting/windows/process_creation/proc_creation_win_example_rule.yml';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'detection.threat-hunting'), path: HUNT }],
  invalid: [{ code: BASE, path: HUNT, errors: [{ at: 'tags', message: 'Rules under `rules-threat-hunting/` carry the tag `detection.threat-hunting`.' }] }],
});
