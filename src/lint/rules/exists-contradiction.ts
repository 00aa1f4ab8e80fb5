import { defineCheck } from '../types.js';
import { detectionOf, hasModifier, valueFacts } from '../util/model.js';

export default defineCheck({
  meta: {
    id: 'lint/exists-contradiction',
    severity: 'error',
    presets: ['recommended'],
    docs: 'One map does not require a field to be both absent (`|exists: false`) and present (`|exists: true` or a value).',
    messages: { never: 'The field `{field}` must be absent (`exists: false`) and present at once; this selection never matches.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).modifiers.includes('exists')) return;
    for (const search of detectionOf(rule)?.searches ?? [])
      for (const alternative of search.alternatives) {
        const absent = alternative.filter((i) => i.field && hasModifier(i, 'exists') && i.values[0]?.value === false && !i.negated);
        for (const item of absent) {
          const present = alternative.find(
            (other) =>
              other !== item &&
              other.field === item.field &&
              !other.negated &&
              (hasModifier(other, 'exists') ? other.values[0]?.value === true : other.values.length > 0 && other.values.every((v) => v.value !== null)),
          );
          if (present) report('never', item.key!.span, { field: item.field! });
        }
      }
  },
});
