import type { TextEdit } from '../../core/diagnostic.js';
import { defineCheck } from '../types.js';
import { trimScalarSource } from '../util/edits.js';
import { hasModifier, items, wildcardPositions, valueFacts, FACT_EDGE_STAR } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/redundant-wildcards',
    severity: 'info',
    presets: ['recommended'],
    docs: 'A value under `contains`, `startswith` or `endswith` does not also carry the wildcard the modifier adds (`|contains: \'*x*\'` is `|contains: x`).',
    messages: { redundant: 'The `{modifier}` modifier already adds this wildcard.' },
    fixable: true,
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_EDGE_STAR) === 0) return;
    for (const { item } of items(rule)) {
      if (hasModifier(item, 're', 'base64', 'base64offset', 'cidr', 'fieldref', 'expand')) continue;
      const contains = hasModifier(item, 'contains');
      const starts = contains || hasModifier(item, 'endswith');
      const ends = contains || hasModifier(item, 'startswith');
      if (!starts && !ends) continue;
      const modifier = contains ? 'contains' : starts ? 'endswith' : 'startswith';
      for (const value of item.values) {
        if (typeof value.value !== 'string' || value.value.length < 2 || !value.value.includes('*')) continue;
        const at = wildcardPositions(value.value).filter((w) => w.char === '*').map((w) => w.index);
        const lead = starts && at[0] === 0;
        const trail = ends && at[at.length - 1] === value.value.length - 1 && value.value.length - 1 !== 0;
        if (!lead && !trail) continue;
        if (lead && trail && value.value.length === 2) continue;
        const text = trimScalarSource(value.node, lead ? 1 : 0, trail ? 1 : 0);
        const fix: TextEdit[] | undefined = text === undefined ? undefined : [{ offset: value.span.offset, endOffset: value.span.endOffset, text }];
        report('redundant', value.span, { modifier }, { fix });
      }
    }
  },
});
