import { defineCheck } from '../types.js';

const TYPOS: Record<string, string> = { unkown: 'unknown', ligitimate: 'legitimate', legitim: 'legitimate', legitimeate: 'legitimate' };

export default defineCheck({
  meta: {
    id: 'lint/falsepositive-typo',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: '`falsepositives` entries do not contain the common misspellings SigmaHQ rejects (unkown, ligitimate, …).',
    messages: { typo: 'The false-positive entry misspells `{word}` (did you mean `{fix}`?).' },
    equivalents: ['sigmahq:sigmahq_falsepositives_typo_word'],
  },
  check({ rule, report }) {
    for (const fp of rule.falsepositives) {
      const word = fp.value.split(/[^A-Za-z]+/).find((w) => w.toLowerCase() in TYPOS);
      if (word) report('typo', fp.span, { word, fix: TYPOS[word.toLowerCase()] });
    }
  },
});
