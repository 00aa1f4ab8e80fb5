import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './title-start.js';

lintTable(check, {
  valid: [{ code: BASE }, { name: 'Detection inside the title', code: edit('title: Suspicious', 'title: Detection Of Suspicious') }],
  invalid: [
    { code: edit('title: Suspicious', 'title: Detects Suspicious'), errors: [{ at: 'Detects', message: 'The title starts with `Detects`; name the behaviour instead.' }] },
    { name: 'quoted title', code: edit('title: Suspicious Example Process Start', "title: 'Detects Example'"), errors: [{ at: 'Detects' }] },
  ],
});
