import type { DetectionItem } from '../../rule/model.js';
import { defineCheck } from '../types.js';
import { hasModifier, items, wildcardPositions, valueFacts, FACT_ALL_WITHOUT_CONTAINS } from '../util/model.js';

/** Literal text of a plain Sigma string, or undefined when it has live wildcards. */
function literal(value: unknown, cased: boolean): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const text = String(value);
  if (wildcardPositions(text).length > 0) return undefined;
  const unescaped = text.replace(/\\([*?\\])/g, '$1');
  return cased ? unescaped : unescaped.toLowerCase();
}

function mode(item: DetectionItem): 'equals' | 'startswith' | 'endswith' | undefined {
  if (hasModifier(item, 'contains', 're', 'cidr', 'exists', 'fieldref', 'expand', 'gt', 'gte', 'lt', 'lte', 'base64', 'base64offset', 'windash', 'neq', 'minute', 'hour', 'day', 'week', 'month', 'year', 'wide', 'utf16', 'utf16le', 'utf16be')) return undefined;
  if (hasModifier(item, 'startswith')) return 'startswith';
  if (hasModifier(item, 'endswith')) return 'endswith';
  return 'equals';
}

export default defineCheck({
  meta: {
    id: 'lint/all-equality-conflict',
    severity: 'error',
    presets: ['recommended'],
    docs: '`|all` over values that no single field value can satisfy together (two different exact values, or two prefixes/suffixes that exclude each other) never matches.',
    messages: { never: '`|all` requires the field to be `{a}` and `{b}` at once; this item never matches. Did you mean `|contains|all`?' },
    kinds: ['detection', 'filter'],
    equivalents: ['pysigma:invalid_modifier_combinations'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_ALL_WITHOUT_CONTAINS) === 0) return;
    for (const { item } of items(rule)) {
      if (item.linking !== 'and' || !item.field || item.values.length < 2) continue;
      const how = mode(item);
      if (!how) continue;
      const cased = hasModifier(item, 'cased');
      const values = item.values.map((v) => literal(v.value, cased));
      outer: for (let i = 0; i < values.length; i++)
        for (let j = i + 1; j < values.length; j++) {
          const a = values[i];
          const b = values[j];
          if (a === undefined || b === undefined || a === b) continue;
          const conflict =
            how === 'equals' ||
            (how === 'startswith' && !a.startsWith(b) && !b.startsWith(a)) ||
            (how === 'endswith' && !a.endsWith(b) && !b.endsWith(a));
          if (conflict) {
            report('never', item.key!.span, { a: String(item.values[i].value), b: String(item.values[j].value) });
            break outer;
          }
        }
    }
  },
});
