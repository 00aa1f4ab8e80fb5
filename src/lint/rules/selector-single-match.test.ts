import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './selector-single-match.js';

const det = (names: string[], condition: string) =>
  withDetection(`detection:\n${names.map((n) => `    ${n}:\n        Image|endswith: '\\\\${n}.exe'\n`).join('')}    condition: ${condition}`);

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'exempt selection_ prefix', code: det(['selection_a'], '1 of selection_*') },
    { name: 'exempt filter_ prefix', code: det(['selection', 'filter_main_a'], 'selection and not 1 of filter_main_*') },
    { name: 'two matches', code: det(['susp_a', 'susp_b'], '1 of susp_*') },
  ],
  invalid: [{ code: det(['susp_a', 'other'], '1 of susp_* and other'), errors: [{ at: '1 of susp_*', message: '`1 of susp_*` matches only `susp_a`; name it directly.' }] }],
});
