import { defineCheck } from '../types.js';

const TYPOS = new Map([
  ['unkown', 'unknown'],
  ['ligitimate', 'legitimate'],
  ['legitim', 'legitimate'],
  ['legitimeate', 'legitimate'],
]);
/** One of the misspellings as a whole word (between non-letters). */
const TYPO = new RegExp(`(?<![A-Za-z])(?:${[...TYPOS.keys()].join('|')})(?![A-Za-z])`, 'i');

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
      const word = TYPO.exec(fp.value)?.[0];
      if (word) report('typo', fp.span, { word, fix: TYPOS.get(word.toLowerCase())! });
    }
  },
});
