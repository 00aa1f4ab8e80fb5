import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './wildcards-instead-of-modifiers.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'mixed shapes', code: det("CommandLine:\n            - '*run*'\n            - 'run*'") }, { name: 'inner wildcard', code: det("CommandLine: '*run*now*'") }],
  invalid: [
    {
      code: det("CommandLine:\n            - '*run*'\n            - '*go*'"),
      errors: [{ at: 'CommandLine', message: 'Every value is wrapped in wildcards the same way; use the `contains` modifier.' }],
      output: det("CommandLine|contains:\n            - 'run'\n            - 'go'"),
    },
    { name: 'endswith, keeping |all', code: det("Image|all:\n            - '*\\a.exe'\n            - '*a.exe'"), errors: [{ at: 'Image|all' }], output: det("Image|endswith|all:\n            - '\\a.exe'\n            - 'a.exe'") },
    { name: 'plain scalar becomes quoted', code: det('Image: C:/Tools/*'), errors: [{ at: 'Image' }], output: det("Image|startswith: 'C:/Tools/'") },
  ],
});
