import { optionSet } from '../util/option-set.js';
import { defineCheck } from '../types.js';
import { hasModifier, items, valueFacts, FACT_PERCENT } from '../util/model.js';
import { subSpan } from '../util/scalar.js';

const STANDARD = ['Administrators', 'JumpServers', 'Workstations', 'Servers', 'DomainControllers'];

export default defineCheck({
  meta: {
    id: 'lint/placeholder-without-expand',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'A value naming a placeholder (`%Servers%`, `%DomainControllers%`, … or the names in option `names`) carries the `expand` modifier; without it the text is matched literally.',
    messages: { literal: '`%{name}%` is matched literally; add the `expand` modifier to use it as a placeholder.' },
    options: { names: { type: 'string[]', default: STANDARD, description: 'Placeholder names recognised anywhere inside a value.' } },
    kinds: ['detection', 'filter'],
  },
  check({ rule, options, report }) {
    if ((valueFacts(rule).flags & FACT_PERCENT) === 0) return;
    const names = optionSet(options.names as string[]);
    for (const { item } of items(rule)) {
      if (hasModifier(item, 'expand', 're')) continue;
      for (const value of item.values) {
        if (typeof value.value !== 'string' || !value.value.includes('%')) continue;
        const text = value.value;
        for (const m of text.matchAll(/(?<!\\)%([A-Za-z][A-Za-z0-9_]*)%/g)) {
          if (names.has(m[1])) report('literal', subSpan(rule.file, value.node, m.index!, m.index! + m[0].length), { name: m[1] });
        }
      }
    }
  },
});
