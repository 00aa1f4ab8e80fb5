import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './falsepositive-typo.js';

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'correct spelling', code: edit('- Unknown', '- Legitimate use') },
    { name: 'words that are names of object properties', code: edit('- Unknown', '- Legitimate constructor or toString calls') },
  ],
  invalid: [{ code: edit('- Unknown', '- Unkown'), errors: [{ at: 'Unkown', message: 'The false-positive entry misspells `Unkown` (did you mean `unknown`?).' }] }],
});
