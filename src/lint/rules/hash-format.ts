import { defineCheck } from '../types.js';
import { items, valueFacts } from '../util/model.js';

const LENGTH: Record<string, number> = { MD5: 32, SHA1: 40, SHA256: 64, IMPHASH: 32 };

export default defineCheck({
  meta: {
    id: 'lint/hash-format',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Values of `Hashes`/`Hash` are `MD5=`, `SHA1=`, `SHA256=` or `IMPHASH=` followed by a hex digest of the right length.',
    messages: { format: 'The hash value `{value}` is not `MD5|SHA1|SHA256|IMPHASH=<hex digest of the right length>`.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_invalid_hash_kv'],
  },
  check({ rule, report }) {
    const fields = valueFacts(rule).fields;
    if (!fields.includes('Hashes') && !fields.includes('Hash')) return;
    for (const { item } of items(rule)) {
      if (item.field !== 'Hashes' && item.field !== 'Hash') continue;
      if (item.modifiers.some((m) => m.name !== 'contains' && m.name !== 'endswith' && m.name !== 'startswith')) continue;
      for (const value of item.values) {
        if (/^(MD5|SHA1|SHA256|IMPHASH)=$/.test(String(value.value)) && item.modifiers.some((m) => m.name === 'contains' || m.name === 'startswith')) continue;
        const match = /^(MD5|SHA1|SHA256|IMPHASH)=([0-9A-Fa-f]+)$/.exec(String(value.value));
        if (!match || match[2].length !== LENGTH[match[1]]) report('format', value.span, { value: String(value.value) });
      }
    }
  },
});
