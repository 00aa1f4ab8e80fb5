import { defineCheck } from '../types.js';
import { items, valueFacts } from '../util/model.js';

const USER_FIELD = /user/i;

export default defineCheck({
  meta: {
    id: 'lint/localized-user-name',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A user field does not match only `NT AUTHORITY` / `AUTORITE NT` by name: the account name is translated on non-English systems; list both spellings, or use the SID.',
    messages: { localized: 'The value `{value}` is a localized account name; it differs on non-English systems.' },
    kinds: ['detection', 'filter'],
    equivalents: ['sigmahq:sigmahq_field_user'],
  },
  check({ rule, report }) {
    if (!valueFacts(rule).fields.some((field) => USER_FIELD.test(field))) return;
    for (const { item } of items(rule)) {
      if (!item.field || !USER_FIELD.test(item.field) || item.values.length !== 1) continue;
      for (const value of item.values)
        if (typeof value.value === 'string' && /AUTHORI|AUTORI/.test(value.value)) report('localized', value.span, { value: value.value });
    }
  },
});
