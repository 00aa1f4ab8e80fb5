import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './falsepositive-banned-word.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'word inside another word', code: edit('- Unknown', '- Nonexistent tooling') }],
  invalid: [
    { code: edit('- Unknown', '- None'), errors: [{ at: 'None', message: 'The false-positive entry uses the word `None`; name a benign cause or write `Unknown`.' }] },
    { name: 'pentest', code: edit('- Unknown', '- Authorized pentest activity'), errors: [{ at: 'Authorized pentest activity' }] },
  ],
});
