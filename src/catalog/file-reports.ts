import type { FileReport } from '../core/results.js';
import { compareDiagnostics } from '../core/diagnostic.js';
import type { CatalogSet } from './model.js';

/**
 * The problems of user catalogs and an EMM checkout as file reports (kind `catalog`), one per file
 * with problems, for commands that print catalog problems next to rule findings.
 */
export function catalogFileReports(set: CatalogSet): FileReport[] {
  const byFile = new Map<string, FileReport>();
  for (const diagnostic of [...set.diagnostics].sort(compareDiagnostics)) {
    let report = byFile.get(diagnostic.file);
    if (!report) {
      report = { path: diagnostic.file, kind: 'catalog', diagnostics: [] };
      byFile.set(diagnostic.file, report);
    }
    report.diagnostics.push(diagnostic);
  }
  return [...byFile.values()];
}
