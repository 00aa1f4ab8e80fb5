import { lintTable } from '../testing.js';
import { correlation } from '../test-rules.js';
import check from './correlation-group-by-missing.js';

const PATH = 'rules/windows/correlation_example.yml';

const body = (groupBy: string) => `    type: event_count\n    rules:\n        - rule_a\n${groupBy}    timespan: 10m\n    condition:\n        gte: 5`;

lintTable(check, {
  valid: [{ code: correlation(body('    group-by:\n        - User\n')), path: PATH }],
  invalid: [{ code: correlation(body('')), path: PATH, errors: [{ at: 'event_count', message: 'The `event_count` correlation has no `group-by`: events of all hosts and users are counted together.' }] }],
});
