import { lintTable } from '../testing.js';
import { correlation } from '../test-rules.js';
import check from './correlation-range-condition.js';

const PATH = 'rules/windows/correlation_example.yml';

const body = (condition: string) => `    type: event_count\n    rules:\n        - rule_a\n    group-by:\n        - User\n    timespan: 1h\n    condition:\n${condition}`;

lintTable(check, {
  valid: [{ code: correlation(body('        gt: 100')), path: PATH }],
  invalid: [{ code: correlation(body('        gt: 100\n        lte: 200')), path: PATH, errors: [{ at: 'gt: 100\n        lte: 200', message: 'The condition has 2 operators; pySigma accepts exactly one.' }] }],
});
