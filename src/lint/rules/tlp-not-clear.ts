import { defineCheck } from '../types.js';
import { tagsIn } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/tlp-not-clear',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Rules shared publicly are `tlp.clear` (a restricted TLP label does not belong in a public repository).',
    messages: { restricted: 'The tag `{tag}` restricts sharing; public rules are `tlp.clear`.' },
    equivalents: ['sigmahq:sigmahq_tags_tlp'],
  },
  check({ rule, report }) {
    for (const tag of tagsIn(rule, 'tlp'))
      if (tag.name !== 'clear') report('restricted', tag.located.span, { tag: tag.located.value });
  },
});
