import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './reference-not-url.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'internal research', code: edit('https://example.org/report', 'Internal Research') }],
  invalid: [{ code: edit('https://example.org/report', 'Self Experience'), errors: [{ at: 'Self Experience', message: 'The reference `Self Experience` is not a link.' }] }],
});
