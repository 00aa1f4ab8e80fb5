import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './duplicate-name.js';

const named = (id: string, name: string) => edit('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e\n', `${id}\nname: ${name}\n`);

lintTable(check, {
  valid: [{ code: `${named('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', 'example_start')}---\n${named('1e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', 'example_exit')}` }],
  invalid: [
    {
      code: `${named('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', 'example_start')}---\n${named('1e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', 'example_start')}`,
      errors: [{ at: 'example_start', nth: 1, message: 'The rule name `example_start` is also used by document 1 of this file.' }],
    },
  ],
});
