import { lintTable } from '../testing.js';
import { BASE, edit, withDetection } from '../test-rules.js';
import check from './sysmon-without-eventid.js';

const SYSMON = edit('    category: process_creation\n', '    service: sysmon\n');

lintTable(check, {
  valid: [{ code: BASE }, { code: withDetection('detection:\n    selection:\n        EventID: 255\n    condition: selection', SYSMON) }],
  invalid: [{ code: SYSMON, errors: [{ at: 'sysmon', message: 'The rule reads `service: sysmon` but selects no `EventID`.' }] }],
});
