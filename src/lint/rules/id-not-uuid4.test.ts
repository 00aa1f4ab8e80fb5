import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './id-not-uuid4.js';

const ID = '0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e';

lintTable(check, {
  valid: [{ code: BASE }],
  invalid: [
    { name: 'version 1', code: edit(ID, '0e9f5a3c-7b2d-1c1e-9f8a-6d5b4c3a2b1e'), errors: [{ at: '0e9f5a3c-7b2d-1c1e-9f8a-6d5b4c3a2b1e', message: 'The rule id is a UUID of version 1; the specification recommends a random (version 4) UUID.' }] },
    { name: 'uppercase', code: edit(ID, ID.toUpperCase()), errors: [{ at: ID.toUpperCase(), message: /uppercase/ }] },
  ],
});
