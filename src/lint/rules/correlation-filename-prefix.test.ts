import { lintTable } from '../testing.js';
import { correlation } from '../test-rules.js';
import check from './correlation-filename-prefix.js';

const CORR = correlation('    type: event_count\n    rules:\n        - 0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e\n    group-by:\n        - User\n    timespan: 10m\n    condition:\n        gte: 5');

lintTable(check, {
  valid: [{ code: CORR, path: 'rules/windows/correlation_many_example_starts.yml' }],
  invalid: [{ code: CORR, path: 'rules/windows/many_example_starts.yml', errors: [{ line: 1, column: 1, message: 'The correlation rule file `many_example_starts.yml` should start with `correlation_`.' }] }],
});
