import type { TextEdit } from '../../core/diagnostic.js';
import type { DetectionItem } from '../../rule/model.js';
import { defineCheck } from '../types.js';
import { trimScalarSource } from '../util/edits.js';
import { items, wildcardPositions, valueFacts, FACT_EDGE_STAR } from '../util/model.js';

type Shape = 'contains' | 'startswith' | 'endswith';

function shapeOf(value: string): Shape | undefined {
  // Without a `*` there is no shape (a lone `?` rules one out too): most values stop here.
  if (value.length < 2 || !value.includes('*')) return undefined;
  const wildcards = wildcardPositions(value);
  if (wildcards.some((w) => w.char === '?')) return undefined;
  const at = wildcards.map((w) => w.index);
  const last = value.length - 1;
  if (at.length === 2 && at[0] === 0 && at[1] === last && value.length > 2) return 'contains';
  if (at.length === 1 && at[0] === 0) return 'endswith';
  if (at.length === 1 && at[0] === last) return 'startswith';
  return undefined;
}

function fixFor(item: DetectionItem, shape: Shape): TextEdit[] | undefined {
  if (!item.key || !item.fieldSpan || item.key.style !== 'plain') return undefined;
  const edits: TextEdit[] = [{ offset: item.fieldSpan.endOffset, endOffset: item.fieldSpan.endOffset, text: `|${shape}` }];
  for (const value of item.values) {
    const start = shape === 'startswith' ? 0 : 1;
    const end = shape === 'endswith' ? 0 : 1;
    const text = trimScalarSource(value.node, start, end);
    if (text === undefined) return undefined;
    edits.push({ offset: value.span.offset, endOffset: value.span.endOffset, text });
  }
  return edits;
}

export default defineCheck({
  meta: {
    id: 'lint/wildcards-instead-of-modifiers',
    severity: 'info',
    presets: ['sigmahq'],
    docs: 'Values that all are `*x*`, `x*` or `*x` use `contains`, `startswith` or `endswith` instead of the wildcards.',
    messages: { modifier: 'Every value is wrapped in wildcards the same way; use the `{modifier}` modifier.' },
    fixable: true,
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:wildcards_instead_of_modifiers'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_EDGE_STAR) === 0) return;
    for (const { item } of items(rule)) {
      if (!item.field || item.modifiers.some((m) => m.name !== 'all' && m.name !== 'cased')) continue;
      if (item.values.length === 0 || item.values.some((v) => typeof v.value !== 'string')) continue;
      // Every value has the same shape, and it is one of the three.
      const shape = shapeOf(item.values[0].value as string);
      if (!shape || item.values.some((v) => shapeOf(v.value as string) !== shape)) continue;
      report('modifier', item.key!.span, { modifier: shape }, { fix: fixFor(item, shape) });
    }
  },
});
