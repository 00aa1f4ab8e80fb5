import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/id-not-uuid4',
    severity: 'info',
    presets: [],
    docs: 'The rule `id` is a lowercase random (version 4) UUID, as the specification recommends.',
    messages: {
      notV4: 'The rule id is a UUID of version {version}; the specification recommends a random (version 4) UUID.',
      upper: 'The rule id has uppercase letters; write UUIDs in lowercase.',
    },
  },
  check({ rule, report }) {
    const id = rule.id?.value;
    if (!id) return;
    const match = /^[0-9a-f]{8}-[0-9a-f]{4}-([0-9a-f])[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}$/i.exec(id);
    if (!match) return;
    if (id !== id.toLowerCase()) report('upper', rule.id!.span);
    else if (match[1] !== '4') report('notV4', rule.id!.span, { version: match[1] });
  },
});
