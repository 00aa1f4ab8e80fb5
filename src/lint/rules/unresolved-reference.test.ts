import { lintTable } from '../testing.js';
import { BASE, correlation, edit } from '../test-rules.js';
import check from './unresolved-reference.js';

const NAMED = edit('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e\n', '0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e\nname: example_start\n');
const corr = (refs: string[]) => correlation(`    type: event_count\n    rules:\n${refs.map((r) => `        - ${r}\n`).join('')}    group-by:\n        - User\n    timespan: 10m\n    condition:\n        gte: 5`);
const filter = (ref: string) => `title: Exclude Example Admin Host
id: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
logsource:
    product: windows
filter:
    rules:
        - ${ref}
    selection:
        ComputerName: ADMIN01
    condition: not selection
`;

lintTable(check, {
  valid: [
    { name: 'by name and by id', code: `${NAMED}---\n${corr(['example_start', '0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e'])}` },
    { name: 'filter by id', files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'filters/mf_admin.yml', code: filter('0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e') }] },
  ],
  invalid: [
    { name: 'unknown name', code: `${NAMED}---\n${corr(['example_stat'])}`, errors: [{ at: 'example_stat', message: 'No rule with the name `example_stat` is among the rules checked.' }] },
    {
      name: 'unknown id in a filter',
      files: [{ path: 'rules/a/proc_creation_win_one.yml', code: BASE }, { path: 'filters/mf_admin.yml', code: filter('2e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e') }],
      errors: [{ file: 'filters/mf_admin.yml', at: '2e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e', message: 'No rule with the id `2e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e` is among the rules checked.' }],
    },
  ],
});
