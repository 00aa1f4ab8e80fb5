import { lintTable } from '../testing.js';
import { BASE, withDetection } from '../test-rules.js';
import check from './hash-format.js';

const det = (item: string) => withDetection(`detection:\n    selection:\n        ${item}\n    condition: selection`);

lintTable(check, {
  valid: [{ code: BASE }, { name: 'presence of an imphash', code: det("Hash|contains: 'IMPHASH='") }, { code: det("Hashes|contains: 'MD5=0123456789ABCDEF0123456789ABCDEF'") }],
  invalid: [
    { code: det("Hashes|contains: 'MD5=0123'"), errors: [{ at: "'MD5=0123'", message: 'The hash value `MD5=0123` is not `MD5|SHA1|SHA256|IMPHASH=<hex digest of the right length>`.' }] },
    { name: 'unknown algorithm', code: det("Hashes|contains: 'SHA512=00'"), errors: [{ at: "'SHA512=00'" }] },
  ],
});
