import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './title-case.js';

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'stop words, paths and numbers', code: edit('Suspicious Example Process Start', 'Start of a Tool via cmd.exe in 2nd Stage') },
    { name: 'custom stop words', code: edit('Suspicious Example Process Start', 'Start using Tool'), options: { lowercaseWords: ['using'] } },
  ],
  invalid: [
    {
      code: edit('Suspicious Example Process Start', 'Suspicious example Process start'),
      errors: [
        { at: 'example', message: 'The title word `example` should start with a capital letter.' },
        { at: 'start', message: 'The title word `start` should start with a capital letter.' },
      ],
    },
  ],
});
