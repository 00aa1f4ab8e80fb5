import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './selector-without-wildcard.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('condition: selection', 'condition: 1 of selection*') }],
  invalid: [{ code: edit('condition: selection', 'condition: 1 of selection'), errors: [{ at: '1 of selection', message: '`1 of selection` has no `*`, so it is the same as `selection`.' }] }],
});
