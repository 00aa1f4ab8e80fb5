import { defineCheck } from '../types.js';
import { documentStart } from '../util/model.js';
import { tagsIn } from '../util/tags.js';

export default defineCheck({
  meta: {
    id: 'lint/detection-tag-missing',
    severity: 'info',
    presets: ['sigmahq'],
    docs: 'A rule under `rules-dfir/`, `rules-emerging-threats/` or `rules-threat-hunting/` has the matching `detection.*` tag.',
    messages: { missing: 'Rules under `rules-{folder}/` carry the tag `detection.{folder}`.' },
    equivalents: ['sigmahq:sigmahq_tags_detection'],
  },
  check({ rule, report }) {
    const folder = /(?:^|\/)rules-(dfir|emerging-threats|threat-hunting)\//.exec(rule.file.path)?.[1];
    if (!folder) return;
    if (!tagsIn(rule, 'detection').some((t) => t.name === folder)) {
      const tags = rule.node.entries.find((e) => e.key.value === 'tags');
      report('missing', tags?.key.span ?? documentStart(rule), { folder });
    }
  },
});
