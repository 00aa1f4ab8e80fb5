import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './placeholder-without-expand.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [
    { code: BASE },
    { name: 'with expand', code: det("ComputerName|expand: '%DomainControllers%'") },
    { name: 'environment variable inside a path', code: det("CommandLine|contains: '%APPDATA%\\evil.exe'") },
    { name: 'an environment variable as the whole value', code: det("CommandLine|contains: '%comspec%'") },
    { name: 'a configured name with expand', code: det("Host|expand: '%Jump%'"), options: { names: ['Jump'] } },
  ],
  invalid: [
    { code: det("ComputerName: '%DomainControllers%'"), errors: [{ at: '%DomainControllers%', message: '`%DomainControllers%` is matched literally; add the `expand` modifier to use it as a placeholder.' }] },
    { name: 'a standard name inside a value', code: det("ComputerName|startswith: 'x%Servers%'"), errors: [{ at: '%Servers%' }] },
  ],
});
