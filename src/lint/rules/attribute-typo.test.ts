import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './attribute-typo.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'an unrelated custom key', code: edit('level: medium\n', 'level: medium\nowner: team-a\n') }],
  invalid: [
    { code: edit('references:', 'reference:'), errors: [{ at: 'reference', message: 'The top-level key `reference` looks like a misspelling of `references`; as written it is ignored.' }] },
    { name: 'transposed letters', code: edit('level: medium\n', 'level: medium\nrealted:\n    - id: 1a2b3c4d-0000-4000-8000-000000000001\n      type: derived\n'), errors: [{ at: 'realted', message: /`related`/ }] },
  ],
});
