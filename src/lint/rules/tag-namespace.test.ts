import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './tag-namespace.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'extra namespace allowed', code: edit('attack.t1059', 'team.red'), options: { namespaces: ['attack', 'team'] } }],
  invalid: [{ code: edit('attack.t1059', 'attak.t1059'), errors: [{ at: 'attak.t1059', message: /^The tag namespace `attak` is not one of `attack`/ }] }],
});
