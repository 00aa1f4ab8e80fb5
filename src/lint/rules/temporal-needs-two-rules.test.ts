import { lintTable } from '../testing.js';
import { correlation } from '../test-rules.js';
import check from './temporal-needs-two-rules.js';

const PATH = 'rules/windows/correlation_example.yml';

const body = (rules: string[]) => `    type: temporal\n    rules:\n${rules.map((r) => `        - ${r}\n`).join('')}    group-by:\n        - User\n    timespan: 10m`;

lintTable(check, {
  valid: [{ code: correlation(body(['rule_a', 'rule_b'])), path: PATH }],
  invalid: [{ code: correlation(body(['rule_a'])), path: PATH, errors: [{ at: 'temporal', message: 'A `temporal` correlation over 1 rule(s) correlates nothing; it needs at least two.' }] }],
});
