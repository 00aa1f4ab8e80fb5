import { lintTable } from '../testing.js';
import { correlation } from '../test-rules.js';
import check from './timespan-not-positive.js';

const PATH = 'rules/windows/correlation_example.yml';

const body = (timespan: string) => `    type: event_count\n    rules:\n        - rule_a\n    group-by:\n        - User\n    timespan: ${timespan}\n    condition:\n        gte: 5`;

lintTable(check, {
  valid: [{ code: correlation(body('10m')), path: PATH }],
  invalid: [
    { code: correlation(body('0m')), path: PATH, errors: [{ at: '0m', message: 'The timespan `0m` is not positive; the correlation window is empty.' }] },
    { name: 'negative', code: correlation(body('-5m')), path: PATH, errors: [{ at: '-5m' }] },
  ],
});
