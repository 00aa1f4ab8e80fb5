import type { RunReport } from '../core/results.js';

/** 0 clean; 1 an error-level finding, a failed or erroring test, or more warnings than allowed. */
export function exitCodeFor(report: RunReport, maxWarnings: number | undefined): 0 | 1 {
  let warnings = 0;
  for (const file of report.files) {
    for (const d of file.diagnostics) {
      if (d.severity === 'error') return 1;
      if (d.severity === 'warning') warnings++;
    }
  }
  if (report.tests.some((test) => test.status !== 'pass')) return 1;
  if (maxWarnings !== undefined && warnings > maxWarnings) return 1;
  return 0;
}
