import { lintTable } from '../testing.js';
import { BASE, edit } from '../test-rules.js';
import check from './link-in-description.js';

const FULL = 'Finds an example tool started from a folder where it never lives.';
const withLink = edit(FULL, 'Finds the tool described at https://example.org/blog', BASE);
const noRefs = withLink.replace('references:\n    - https://example.org/report\n', '');

lintTable(check, {
  valid: [{ code: BASE }, { name: 'a link with references present', code: withLink }],
  invalid: [
    { code: noRefs, errors: [{ at: 'Finds the tool described at https://example.org/blog', message: 'The description contains `https://` but the rule has no `references`; list the source there.' }] },
    { name: 'internal research', code: edit(FULL, 'Based on Internal Research of the team.', BASE).replace('references:\n    - https://example.org/report\n', ''), errors: [{ at: 'Based on Internal Research of the team.' }] },
  ],
});
