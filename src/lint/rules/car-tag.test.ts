import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './car-tag.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'car.2016-04-005') }],
  invalid: [{ code: edit('attack.t1059', 'car.2016-4-5'), errors: [{ at: 'car.2016-4-5', message: /`car.2016-4-5`/ }] }],
});
