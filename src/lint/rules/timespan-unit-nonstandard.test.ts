import { lintTable } from '../testing.js';
import { correlation } from '../test-rules.js';
import check from './timespan-unit-nonstandard.js';

const PATH = 'rules/windows/correlation_example.yml';

const body = (timespan: string) => `    type: event_count\n    rules:\n        - rule_a\n    group-by:\n        - User\n    timespan: ${timespan}\n    condition:\n        gte: 5`;

lintTable(check, {
  valid: [{ code: correlation(body('14d')), path: PATH }],
  invalid: [{ code: correlation(body('2w')), path: PATH, errors: [{ at: '2w', message: 'The timespan unit `w` is a pySigma extension; write it in days (`14d`).' }] }],
});
