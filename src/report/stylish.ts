import pc from 'picocolors';
import type { Diagnostic, Severity } from '../core/diagnostic.js';
import type { RunReport } from '../core/results.js';
import type { ReporterOptions } from './index.js';
import { plural, reportTotals } from './totals.js';

/**
 * The terminal format: each file once, then each finding with its position, severity, message and
 * id, the source line with a caret under the span, and the hint. Colour only on a terminal and
 * never with NO_COLOR.
 */
export function formatStylish(report: RunReport, options: ReporterOptions): string {
  const c = pc.createColors(options.color && !process.env.NO_COLOR);
  const out: string[] = [];
  for (const file of report.files) {
    const diagnostics = options.quiet ? file.diagnostics.filter((d) => d.severity === 'error') : file.diagnostics;
    if (diagnostics.length === 0) continue;
    out.push(c.underline(file.path));
    // A file too large to load is not read for a code frame either.
    const framed = diagnostics.some((d) => !NO_FRAME.has(d.id));
    const text = framed ? options.context.readText(file.path) : undefined;
    const lines = text === undefined ? undefined : text.split('\n');
    for (const d of diagnostics) {
      out.push(`  ${c.dim(`${d.span.line}:${d.span.column}`)}  ${severityLabel(d.severity, c)}  ${d.message}  ${c.dim(d.id)}`);
      if (lines && !NO_FRAME.has(d.id)) out.push(...codeFrame(d, lines, c));
      if (d.hint) out.push(`      ${c.cyan('hint:')} ${d.hint}`);
    }
    out.push('');
  }
  out.push(summary(report, c));
  return `${out.join('\n')}\n`;
}

type Colors = ReturnType<typeof pc.createColors>;

/** Findings about a file as a whole, with nothing to show under a caret. */
const NO_FRAME = new Set(['file/too-large', 'file/unreadable', 'rule/empty-file']);

function severityLabel(severity: Severity, c: Colors): string {
  if (severity === 'error') return c.red('error');
  if (severity === 'warning') return c.yellow('warning');
  return c.blue('info');
}

/** The line of the span's start, numbered, with carets under the span (to the line end if it goes on). */
export function codeFrame(d: Diagnostic, lines: string[], c: Colors): string[] {
  const index = d.span.line - 1;
  if (index < 0 || index >= lines.length) return [];
  const line = lines[index].replace(/\r$/, '');
  if (line.length > 300) return [];
  const number = String(d.span.line);
  const gutter = ' '.repeat(number.length);
  const start = Math.min(d.span.column - 1, line.length);
  const end = d.span.endLine === d.span.line ? Math.min(d.span.endColumn - 1, line.length) : line.length;
  // Keep tabs in the padding so the caret lines up under tab-indented text.
  const pad = line.slice(0, start).replace(/[^\t]/g, ' ');
  const carets = '^'.repeat(Math.max(1, end - start));
  const color = d.severity === 'error' ? c.red : d.severity === 'warning' ? c.yellow : c.blue;
  return [`    ${c.dim(`${number} |`)} ${line}`, `    ${c.dim(`${gutter} |`)} ${pad}${color(carets)}`];
}

function summary(report: RunReport, c: Colors): string {
  const totals = reportTotals(report);
  const scope = `${plural(totals.files, 'file')}, ${plural(totals.rules, 'rule')}`;
  const problems = totals.errors + totals.warnings + totals.infos;
  if (problems === 0) return c.green(`✔ No problems (${scope}).`);
  const parts = [plural(totals.errors, 'error'), plural(totals.warnings, 'warning')];
  if (totals.infos > 0) parts.push(`${totals.infos} info`);
  const line = `✖ ${plural(problems, 'problem')} (${parts.join(', ')}) in ${scope}.`;
  return totals.errors > 0 ? c.red(c.bold(line)) : c.yellow(c.bold(line));
}
