import type { RunReport } from '../core/results.js';
import { reportTotals } from './totals.js';

/**
 * The `--format json` contract (version 1), documented in docs/json-format.md. Scripts depend on
 * it: add fields only with a new version.
 */

export interface JsonDiagnostic {
  id: string;
  severity: 'error' | 'warning' | 'info';
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  hint?: string;
}

export interface JsonReport {
  version: 1;
  files: { path: string; kind: string; diagnostics: JsonDiagnostic[] }[];
  tests: { rule: string; file: string; name: string; status: 'pass' | 'fail' | 'error'; expected: string | number; actual: string | number; message?: string }[];
  summary: { files: number; rules: number; errors: number; warnings: number; tests: { pass: number; fail: number; error: number } };
}

export function toJsonReport(report: RunReport): JsonReport {
  const totals = reportTotals(report);
  return {
    version: 1,
    files: report.files.map((file) => ({
      path: file.path,
      kind: file.kind,
      diagnostics: file.diagnostics.map((d) => {
        const out: JsonDiagnostic = {
          id: d.id,
          severity: d.severity,
          message: d.message,
          line: d.span.line,
          column: d.span.column,
          endLine: d.span.endLine,
          endColumn: d.span.endColumn,
        };
        if (d.hint) out.hint = d.hint;
        return out;
      }),
    })),
    tests: report.tests.map((t) => {
      const out: JsonReport['tests'][number] = { rule: t.rule, file: t.file, name: t.name, status: t.status, expected: t.expected, actual: t.actual };
      if (t.message) out.message = t.message;
      return out;
    }),
    summary: { files: totals.files, rules: totals.rules, errors: totals.errors, warnings: totals.warnings, tests: totals.tests },
  };
}

export function formatJson(report: RunReport): string {
  return `${JSON.stringify(toJsonReport(report), null, 2)}\n`;
}
