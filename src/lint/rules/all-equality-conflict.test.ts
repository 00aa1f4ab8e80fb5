import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './all-equality-conflict.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'contains|all', code: det("CommandLine|contains|all:\n            - ' -a'\n            - ' -b'") },
    { name: 'compatible prefixes', code: det("Image|startswith|all:\n            - 'C:\\Win'\n            - 'C:\\Windows'") },
    { name: 'wildcards can both match', code: det("Image|all:\n            - 'a*'\n            - '*b'") },
  ],
  invalid: [
    { code: det("CommandLine|all:\n            - '-a'\n            - '-b'"), errors: [{ at: 'CommandLine|all', message: '`|all` requires the field to be `-a` and `-b` at once; this item never matches. Did you mean `|contains|all`?' }] },
    { name: 'exclusive prefixes', code: det("Image|startswith|all:\n            - 'C:\\Windows'\n            - 'D:\\Tools'"), errors: [{ at: 'Image|startswith|all' }] },
  ],
});
