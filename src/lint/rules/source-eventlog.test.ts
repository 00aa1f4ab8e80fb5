import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './source-eventlog.js';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [{ code: withDetection("detection:\n    selection:\n        Source: Eventlog\n        Image|endswith: '\\example.exe'\n    condition: selection"), errors: [{ at: 'Eventlog', message: '`Source: Eventlog` is a legacy selector; use the logsource instead.' }] }],
});
