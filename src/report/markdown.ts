import type { Diagnostic } from '../core/diagnostic.js';
import type { CoverageTotal, RunReport, TestResult } from '../core/results.js';
import { allDiagnostics, failedTests, plural, reportTotals } from './totals.js';

/**
 * A Markdown summary for a pull-request comment or `$GITHUB_STEP_SUMMARY`: totals, a table of
 * findings, the failing tests with their explanations, and coverage per source when it was computed.
 * Long lists are cut (GitHub limits a step summary to 1 MiB and a comment to 65,536 characters).
 */

const MAX_FINDINGS = 100;
const MAX_FAILED_TESTS = 30;
const MAX_EXPLANATION = 4000;

const ICONS = { error: '🔴', warning: '🟡', info: '🔵' } as const;

export function formatMarkdown(report: RunReport): string {
  const totals = reportTotals(report);
  const failed = failedTests(report);
  const clean = totals.errors === 0 && failed.length === 0;
  const out: string[] = [];

  const headline = clean
    ? totals.warnings > 0
      ? `rulecheck passed with ${plural(totals.warnings, 'warning')}`
      : 'rulecheck passed'
    : `rulecheck found ${[
        totals.errors > 0 ? plural(totals.errors, 'error') : '',
        failed.length > 0 ? plural(failed.length, 'failing test') : '',
      ]
        .filter(Boolean)
        .join(' and ')}`;
  out.push(`## ${clean ? '✅' : '❌'} ${headline}`, '');

  out.push(
    '| Files | Rules | Errors | Warnings | Info | Tests passed | Tests failed | Tests errored |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|',
    `| ${totals.files} | ${totals.rules} | ${totals.errors} | ${totals.warnings} | ${totals.infos} | ${totals.tests.pass} | ${totals.tests.fail} | ${totals.tests.error} |`,
    '',
  );

  const findings = allDiagnostics(report);
  if (findings.length > 0) {
    out.push('### Findings', '', '| | Location | Check | Message |', '|---|---|---|---|');
    for (const d of findings.slice(0, MAX_FINDINGS)) out.push(findingRow(d));
    if (findings.length > MAX_FINDINGS) out.push('', `…and ${findings.length - MAX_FINDINGS} more; see the full report.`);
    out.push('');
  }

  if (failed.length > 0) {
    out.push('### Failing tests', '');
    for (const test of failed.slice(0, MAX_FAILED_TESTS)) out.push(...failedTestBlock(test));
    if (failed.length > MAX_FAILED_TESTS) out.push(`…and ${failed.length - MAX_FAILED_TESTS} more failing tests.`, '');
  }

  if (report.coverageTotals && report.coverageTotals.length > 0) out.push(...coverageTable(report.coverageTotals));

  return `${out.join('\n').trimEnd()}\n`;
}

function findingRow(d: Diagnostic): string {
  const message = d.hint ? `${d.message} *${d.hint}*` : d.message;
  return `| ${ICONS[d.severity]} ${d.severity} | \`${d.file}:${d.span.line}:${d.span.column}\` | \`${d.id}\` | ${cell(message)} |`;
}

function failedTestBlock(test: TestResult): string[] {
  const where = test.span ? `${test.declaredIn ?? test.file}:${test.span.line}` : test.declaredIn ?? test.file;
  const lines = [
    `- **${inline(test.rule)}**: ${inline(test.name)} (\`${where}\`): ${test.status === 'fail' ? 'expected' : 'could not run; expected'} ${inline(String(test.expected))}, got ${inline(String(test.actual))}${test.message ? `. ${inline(test.message)}` : ''}`,
  ];
  if (test.explanation) {
    const text =
      test.explanation.length > MAX_EXPLANATION ? `${test.explanation.slice(0, MAX_EXPLANATION)}\n…` : test.explanation;
    lines.push('', '  <details><summary>Why</summary>', '', fence(text, '  '), '', '  </details>');
  }
  lines.push('');
  return lines;
}

function coverageTable(totals: CoverageTotal[]): string[] {
  const out = ['### Coverage', '', '| Source | Event types covered | Rules |', '|---|---:|---:|'];
  for (const t of totals) {
    const percent = t.eventTypes > 0 ? ` (${Math.round((100 * t.covered) / t.eventTypes)}%)` : '';
    out.push(`| \`${t.source}\` | ${t.covered} / ${t.eventTypes}${percent} | ${t.rules} |`);
  }
  out.push('');
  return out;
}

/** Text safe inside a table cell: no line breaks, no unescaped pipes. */
function cell(text: string): string {
  return inline(text).replace(/\|/g, '\\|');
}

/**
 * Text safe on one line of Markdown: `<` and `>` escaped where they would start HTML, but not inside
 * code spans, which show them as they are (and would show `&lt;` literally).
 */
function inline(text: string): string {
  return text
    .replace(/\r?\n/g, ' ')
    .split(/(`[^`]*`)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/</g, '&lt;').replace(/>/g, '&gt;')))
    .join('');
}

/** A fenced code block whose fence is longer than any backtick run inside the text. */
function fence(text: string, indent: string): string {
  const longest = Math.max(2, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const marks = '`'.repeat(longest + 1);
  return [marks, ...text.split('\n'), marks].map((line) => indent + line).join('\n');
}
