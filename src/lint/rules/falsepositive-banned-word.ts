import { lowercaseOptionSet } from '../util/option-set.js';
import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/falsepositive-banned-word',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: '`falsepositives` names real benign causes: no "none", "pentest" or "penetration" (use `Unknown` when none are known).',
    messages: { banned: 'The false-positive entry uses the word `{word}`; name a benign cause or write `Unknown`.' },
    options: { words: { type: 'string[]', default: ['none', 'pentest', 'penetration'], description: 'Words not allowed.' } },
    equivalents: ['sigmahq:sigmahq_falsepositives_banned_word'],
  },
  check({ rule, options, report }) {
    const banned = lowercaseOptionSet(options.words as string[]);
    for (const fp of rule.falsepositives) {
      const word = fp.value.split(/[^A-Za-z]+/).find((w) => banned.has(w.toLowerCase()));
      if (word) report('banned', fp.span, { word });
    }
  },
});
