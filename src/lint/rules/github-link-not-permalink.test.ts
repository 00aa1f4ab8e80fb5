import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './github-link-not-permalink.js';

const branch = 'https://github.com/example/tool/blob/main/src/run.ps1';
const pinned = 'https://github.com/example/tool/blob/0123456789abcdef0123456789abcdef01234567/src/run.ps1';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'permalink', code: edit('https://example.org/report', pinned) }, { name: 'repository page', code: edit('https://example.org/report', 'https://github.com/example/tool') }, { name: 'a folder, not a file', code: edit('https://example.org/report', 'https://github.com/example/tool/tree/main/src') }],
  invalid: [{ code: edit('https://example.org/report', branch), errors: [{ at: branch, message: 'The GitHub link points at the branch `main`; use a permalink with the commit hash.' }] }],
});
