import { defineCheck } from '../types.js';
import { items, valueFacts } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/utf16le-modifier',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Write `wide` rather than `utf16le`: the specification lists both, but pySigma (and the tools built on it) only knows `wide`.',
    messages: { portable: '`utf16le` is unknown to pySigma; `wide` means the same and works everywhere.' },
    fixable: true,
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).modifiers.includes('utf16le')) return;
    for (const { item } of items(rule))
      for (const modifier of item.modifiers)
        if (modifier.name === 'utf16le' && item.key?.style === 'plain')
          report('portable', modifier.span, {}, { fix: [{ offset: modifier.span.offset, endOffset: modifier.span.endOffset, text: 'wide' }] });
  },
});
