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
    const tags = tagsIn(rule, 'tlp');
    if (tags.length === 0) return;
    for (const tag of tags)
      if (tag.name !== 'clear') report('restricted', tag.located.span, { tag: tag.located.value });
  },
});
