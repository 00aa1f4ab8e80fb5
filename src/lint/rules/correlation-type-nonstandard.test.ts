import { lintTable } from '../testing.js';
import { correlation } from '../test-rules.js';
import check from './correlation-type-nonstandard.js';

const PATH = 'rules/windows/correlation_example.yml';

const body = (type: string) => `    type: ${type}\n    rules:\n        - rule_a\n    group-by:\n        - User\n    timespan: 1h\n    condition:\n        gt: 100\n        field: Bytes`;

lintTable(check, {
  valid: [{ code: correlation(body('value_sum')), path: PATH }],
  invalid: [{ code: correlation(body('value_median')), path: PATH, errors: [{ at: 'value_median', message: 'The correlation type `value_median` is a pySigma extension that other tools do not know.' }] }],
});
