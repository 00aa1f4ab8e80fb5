import pc from 'picocolors';
import type { RunReport } from '../core/results.js';
import { formatTestsStylish } from '../fixtures/stylish.js';
import type { RuleAdequacy } from '../fixtures/adequacy.js';
import type { BaselineSummary } from '../fixtures/baseline.js';
import type { RuleMutationReport } from '../fixtures/mutation.js';
import type { ReporterOptions } from './index.js';
import { formatStylish } from './stylish.js';
import { plural, reportTotals } from './totals.js';

/**
 * The terminal format of the default command (check + test): the findings as `check` prints
 * them, the tests as `test` prints them (failing ones only with --quiet), then one summary for
 * both, and coverage per catalog source when the coverage stage ran.
 */
export function formatRunStylish(report: RunReport, options: ReporterOptions, note?: string): string {
  const c = pc.createColors(options.color && !process.env.NO_COLOR);
  const parts: string[] = [];
  const findings = withoutSummaryLine(formatStylish(report, options));
  if (findings.trim()) parts.push(findings);
  if (report.tests.length > 0 || report.baseline) {
    const tests = formatTestsStylish(report.tests, {
      quiet: options.quiet,
      color: options.color && !process.env.NO_COLOR,
      adequacy: report.adequacy as RuleAdequacy[] | undefined,
      mutants: report.mutants as RuleMutationReport[] | undefined,
      baseline: report.baseline as BaselineSummary | undefined,
    });
    const block = withoutSummaryLine(tests);
    if (block.trim()) parts.push(block);
  }
  if (report.coverageTotals && report.coverageTotals.length > 0) {
    const sources = report.coverageTotals.map((t) => {
      const percent = t.eventTypes > 0 ? ` (${Math.round((100 * t.covered) / t.eventTypes)}%)` : '';
      return `${t.source} ${t.covered}/${t.eventTypes}${percent}`;
    });
    parts.push(`${c.bold('Coverage')} ${c.dim('event types covered per catalog source:')} ${sources.join(', ')}\n`);
  }
  if (note) parts.push(`${c.dim(note)}\n`);
  parts.push(`${summaryLine(report, c)}\n`);
  return parts.join('\n');
}

/** One line: findings, tests, scope. */
export function summaryLine(report: RunReport, c: ReturnType<typeof pc.createColors>): string {
  const totals = reportTotals(report);
  const failedTests = totals.tests.fail + totals.tests.error;
  const ranTests = totals.tests.pass + failedTests;
  const scope = `${plural(totals.rules, 'rule')} in ${plural(totals.files, 'file')}`;
  const tests =
    ranTests === 0
      ? 'no tests'
      : `tests ${totals.tests.pass} passed, ${totals.tests.fail} failed${totals.tests.error ? `, ${totals.tests.error} errored` : ''}`;
  const findings = [plural(totals.errors, 'error'), plural(totals.warnings, 'warning')];
  if (totals.infos > 0) findings.push(`${totals.infos} info`);
  if (totals.errors === 0 && failedTests === 0) {
    const line = `✔ ${findings.join(', ')}, ${tests} (${scope}).`;
    return totals.warnings > 0 ? c.yellow(line) : c.green(line);
  }
  return c.red(c.bold(`✖ ${findings.join(', ')}, ${tests} (${scope}).`));
}

/** Both the check and the test printers end with their own one-line summary. */
function withoutSummaryLine(text: string): string {
  const trimmed = text.replace(/\n+$/, '');
  const cut = trimmed.lastIndexOf('\n');
  return cut === -1 ? '' : `${trimmed.slice(0, cut).replace(/\n+$/, '')}\n`;
}

/** Puts a dimmed note (e.g. the `--changed-since` scope) on its own line above a printer's summary line. */
export function withNoteAboveSummary(text: string, note: string | undefined, color: boolean): string {
  if (!note) return text;
  const c = pc.createColors(color && !process.env.NO_COLOR);
  const trimmed = text.replace(/\n+$/, '');
  const cut = trimmed.lastIndexOf('\n');
  const body = cut === -1 ? '' : `${trimmed.slice(0, cut + 1)}`;
  return `${body}${c.dim(note)}\n${trimmed.slice(cut + 1)}\n`;
}
