import { optionSet } from '../util/option-set.js';
import { defineCheck } from '../types.js';
import { subSpan } from '../util/scalar.js';
import { topLevelValue } from '../util/model.js';

const LOWERCASE_WORDS = ['a', 'an', 'and', 'as', 'at', 'by', 'for', 'from', 'in', 'new', 'of', 'on', 'or', 'over', 'the', 'through', 'to', 'via', 'with', 'without'];

export default defineCheck({
  meta: {
    id: 'lint/title-case',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Title words start with a capital letter, except short function words (a, and, of, via, …).',
    messages: { lowercase: 'The title word `{word}` should start with a capital letter.' },
    options: { lowercaseWords: { type: 'string[]', default: LOWERCASE_WORDS, description: 'Words that may stay lowercase.' } },
    equivalents: ['sigmahq:sigmahq_title_case'],
  },
  check({ rule, options, report }) {
    const node = topLevelValue(rule, 'title');
    if (!rule.title || node?.kind !== 'scalar') return;
    const allowed = optionSet(options.lowercaseWords as string[]);
    let offset = 0;
    for (const word of rule.title.value.split(' ')) {
      const start = offset;
      offset += word.length + 1;
      if (!word || word !== word.toLowerCase() || word === word.toUpperCase()) continue;
      if (allowed.has(word) || /[./_]/.test(word) || /^\d/.test(word)) continue;
      report('lowercase', subSpan(rule.file, node, start, start + word.length), { word });
    }
  },
});
