import type { Severity } from '../core/diagnostic.js';
import type { RunReport } from '../core/results.js';
import { allDiagnostics, plural, reportTotals } from './totals.js';

/**
 * GitHub Actions workflow commands: one `::error`/`::warning`/`::notice` line per diagnostic and per
 * failing test, which GitHub shows as annotations on the pull request's changed lines.
 * https://docs.github.com/actions/using-workflows/workflow-commands-for-github-actions
 */

const COMMANDS: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'notice' };

export function formatGithub(report: RunReport): string {
  const lines: string[] = [];
  for (const d of allDiagnostics(report)) {
    const message = d.hint ? `${d.message}\nHint: ${d.hint}` : d.message;
    lines.push(
      command(COMMANDS[d.severity], {
        file: d.file,
        line: d.span.line,
        col: d.span.column,
        endLine: d.span.endLine,
        endColumn: d.span.endColumn,
        title: d.id,
      }, message),
    );
  }
  for (const test of report.tests) {
    if (test.status === 'pass') continue;
    const outcome = test.status === 'fail' ? 'failed' : 'could not run';
    const summary = `Test "${test.name}" ${outcome}: expected ${test.expected}, got ${test.actual}.${test.message ? ` ${test.message}` : ''}`;
    const properties: Record<string, string | number> = { file: test.declaredIn ?? test.file };
    if (test.span) {
      properties.line = test.span.line;
      properties.col = test.span.column;
      properties.endLine = test.span.endLine;
      properties.endColumn = test.span.endColumn;
    }
    properties.title = `rulecheck test ${outcome}: ${test.rule}`;
    lines.push(command('error', properties, test.explanation ? `${summary}\n${test.explanation}` : summary));
  }
  const totals = reportTotals(report);
  lines.push(
    `rulecheck: ${plural(totals.files, 'file')}, ${plural(totals.rules, 'rule')}, ` +
      `${plural(totals.errors, 'error')}, ${plural(totals.warnings, 'warning')}, ` +
      `tests ${totals.tests.pass} passed, ${totals.tests.fail} failed, ${totals.tests.error} errored`,
  );
  return `${lines.join('\n')}\n`;
}

/** `::name key=value,…::message`, escaped as the Actions runner unescapes it. */
export function command(name: string, properties: Record<string, string | number>, message: string): string {
  const props = Object.entries(properties)
    .map(([key, value]) => `${key}=${escapeProperty(String(value))}`)
    .join(',');
  return `::${name}${props ? ` ${props}` : ''}::${escapeData(message)}`;
}

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
