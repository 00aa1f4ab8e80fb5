import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/mitre-link',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'ATT&CK pages are not references: say it with an `attack.*` tag instead.',
    messages: { attack: 'Reference the ATT&CK technique with a tag (`attack.tNNNN`) instead of a link.' },
    equivalents: ['sigmahq:sigmahq_mitre_link'],
  },
  check({ rule, report }) {
    for (const reference of rule.references)
      if (reference.value.startsWith('https://attack.mitre.org/')) report('attack', reference.span);
  },
});
