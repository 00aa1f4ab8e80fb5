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
    if (!hasTrailingWhitespace(text)) return;
    for (const match of text.matchAll(/[ \t]+(?=\r?\n|$)/g)) {
      const start = match.index!;
      const end = start + match[0].length;
      report('trailing', rule.file.span(start, end), {}, { fix: [{ offset: start, endOffset: end, text: '' }] });
    }
  },
});

/** Whether some line ends in a space or tab: one `indexOf` per line, about four times faster than a regex over the text. */
function hasTrailingWhitespace(text: string): boolean {
  const endsInBlank = (end: number) => {
    const c = text.charCodeAt(end - 1);
    return c === 32 || c === 9;
  };
  for (let newline = text.indexOf('\n'); newline !== -1; newline = text.indexOf('\n', newline + 1))
    if (endsInBlank(text.charCodeAt(newline - 1) === 13 ? newline - 1 : newline)) return true;
  return endsInBlank(text.length);
}
