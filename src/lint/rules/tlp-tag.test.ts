import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './tlp-tag.js';

lintTable(check, {
  valid: [{ code: BASE }, { code: edit('attack.t1059', 'tlp.amber-strict') }, { name: 'TLP 1 label, any version', code: edit('attack.t1059', 'tlp.white') }],
  invalid: [
    { code: edit('attack.t1059', 'tlp.blue'), errors: [{ at: 'tlp.blue', message: /^The TLP tag `tlp.blue` is not a TLP 1 or 2 label/ }] },
    { name: 'TLP 1 label under version 2', code: edit('attack.t1059', 'tlp.white'), options: { version: '2' }, errors: [{ at: 'tlp.white', message: /TLP 2 label \(clear, green, amber, amber-strict, red\)/ }] },
  ],
});
