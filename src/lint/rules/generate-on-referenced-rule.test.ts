import { lintTable } from '../testing.js';
import { BASE, correlation, edit } from '../test-rules.js';
import check from './generate-on-referenced-rule.js';

const NAMED = edit('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e\n', '0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e\nname: example_start\n');
const corr = (generate: string) => correlation(`    type: event_count\n    rules:\n        - example_start\n    group-by:\n        - User\n    timespan: 10m\n${generate}    condition:\n        gte: 5`);

lintTable(check, {
  valid: [{ code: `${NAMED}---\n${corr('    generate: true\n')}` }, { name: 'informational base rule', code: `${edit('level: medium', 'level: informational', NAMED)}---\n${corr('')}` }],
  invalid: [{ code: `${NAMED}---\n${corr('')}`, errors: [{ at: 'medium', message: 'This rule is used by the correlation `Many Example Starts` without `generate: true`, so its own matches produce no alert.' }] }],
});
