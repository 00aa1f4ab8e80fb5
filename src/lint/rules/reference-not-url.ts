import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/reference-not-url',
    severity: 'info',
    presets: [],
    docs: 'References are links (http or https) or the words "Internal Research".',
    messages: { notUrl: 'The reference `{reference}` is not a link.' },
  },
  check({ rule, report }) {
    for (const reference of rule.references)
      if (!/^https?:\/\/\S+$/.test(reference.value.trim()) && !/internal research/i.test(reference.value))
        report('notUrl', reference.span, { reference: reference.value });
  },
});
