import { distance } from 'fastest-levenshtein';
import { defineCheck } from '../types.js';

const KNOWN = ['title', 'id', 'name', 'related', 'taxonomy', 'status', 'description', 'license', 'author', 'references', 'date', 'modified', 'logsource', 'detection', 'fields', 'falsepositives', 'level', 'tags', 'scope', 'correlation', 'filter', 'generate'];

export default defineCheck({
  meta: {
    id: 'lint/attribute-typo',
    severity: 'error',
    presets: ['recommended'],
    docs: 'A custom top-level key is not a misspelt Sigma attribute (`realted`, `reference`, `falsepositive`, …), which would be silently ignored.',
    messages: { typo: 'The top-level key `{key}` looks like a misspelling of `{known}`; as written it is ignored.' },
    equivalents: ['pysigma:custom_attributes'],
  },
  check({ rule, report }) {
    for (const { key } of rule.customAttributes) {
      const name = String(key.value);
      const lower = name.toLowerCase();
      const known = KNOWN.find((k) => k === lower || `${k}s` === lower || k === `${lower}s` || (k.length > 4 && distance(k, lower) <= 2));
      if (known && known !== name) report('typo', key.span, { key: name, known });
    }
  },
});
