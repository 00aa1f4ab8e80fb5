import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/line-endings',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'Rule files use LF line endings, as the specification asks (CRLF ends up inside block scalars and diffs).',
    messages: { crlf: 'The file uses CRLF line endings; the specification asks for LF.' },
    fixable: true,
  },
  check({ rule, report }) {
    if (rule.documentIndex !== 0) return;
    const text = rule.file.text;
    const first = text.indexOf('\r\n');
    if (first === -1) return;
    const fix = [...text.matchAll(/\r\n/g)].map((m) => ({ offset: m.index!, endOffset: m.index! + 1, text: '' }));
    report('crlf', rule.file.span(first, first + 2), {}, { fix });
  },
});
