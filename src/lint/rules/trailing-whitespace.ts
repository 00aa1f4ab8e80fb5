import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/trailing-whitespace',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'No line ends in spaces or tabs (SigmaHQ runs yamllint with `trailing-spaces`; inside a block scalar they even change the value).',
    messages: { trailing: 'The line ends with whitespace.' },
    fixable: true,
    equivalents: ['sigmahq-ci:yamllint trailing-spaces'],
  },
  check({ rule, report }) {
    if (rule.documentIndex !== 0) return;
    const text = rule.file.text;
    if (!/[ \t](?:\r?\n|$)/.test(text)) return;
    for (const match of text.matchAll(/[ \t]+(?=\r?\n|$)/g)) {
      const start = match.index!;
      const end = start + match[0].length;
      report('trailing', rule.file.span(start, end), {}, { fix: [{ offset: start, endOffset: end, text: '' }] });
    }
  },
});
