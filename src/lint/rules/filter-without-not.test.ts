import { lintTable } from '../testing.js';
import check from './filter-without-not.js';

const filter = (condition: string) => `title: Exclude Example Admin Host
id: 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d
logsource:
    product: windows
filter:
    rules:
        - 0e9f5a3c-7b2d-4c1e-9f8a-6d5b4c3a2b1e
    selection:
        ComputerName: ADMIN01
    condition: ${condition}
`;

lintTable(check, {
  valid: [{ code: filter('not selection'), path: 'filters/mf_exclude_admin_host.yml' }],
  invalid: [
    {
      code: filter('selection'),
      path: 'filters/mf_exclude_admin_host.yml',
      errors: [{ at: 'selection', nth: 1, message: 'The filter condition has no `not`: it keeps only events matching it instead of excluding them.' }],
    },
  ],
});
