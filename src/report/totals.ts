import type { Diagnostic } from '../core/diagnostic.js';
import type { RunReport, TestResult } from '../core/results.js';

/** The counts every summary prints (the json `summary` object has the same numbers). */
export interface ReportTotals {
  files: number;
  rules: number;
  errors: number;
  warnings: number;
  infos: number;
  tests: { pass: number; fail: number; error: number };
}

export function reportTotals(report: RunReport): ReportTotals {
  const totals: ReportTotals = {
    files: report.files.length,
    rules: report.ruleCount,
    errors: 0,
    warnings: 0,
    infos: 0,
    tests: { pass: 0, fail: 0, error: 0 },
  };
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') totals.errors++;
      else if (d.severity === 'warning') totals.warnings++;
      else totals.infos++;
    }
  }
  for (const test of report.tests) totals.tests[test.status]++;
  return totals;
}

/** Every diagnostic of the report, in file order. */
export function allDiagnostics(report: RunReport): Diagnostic[] {
  return report.files.flatMap((file) => file.diagnostics);
}

export function failedTests(report: RunReport): TestResult[] {
  return report.tests.filter((test) => test.status !== 'pass');
}

export function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
