import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './d3fend-tag.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'd3fend.detect') }, { code: edit('attack.t1059', 'd3fend.d3-pa') }],
  invalid: [{ code: edit('attack.t1059', 'd3fend.process_analysis'), errors: [{ at: 'd3fend.process_analysis' }] }],
});
