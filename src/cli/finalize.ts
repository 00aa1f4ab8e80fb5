import { resolve } from 'node:path';
import type { FileReport, RunReport } from '../core/results.js';
import { SourceFile } from '../core/source.js';
import { applySeverities } from '../config/severities.js';
import type { Settings } from '../config/settings.js';
import type { ReportContext } from '../report/context.js';
import { applySuppressions } from '../suppress/inline.js';

/**
 * The last step before reporting, after every stage has added its diagnostics: inline
 * suppressions of rule files, then the config's severities (so `off` can also silence
 * `suppress/unused`).
 */
export function finalizeReport(report: RunReport, settings: Pick<Settings, 'severities' | 'cwd'>, context: ReportContext): RunReport {
  const files: FileReport[] = report.files.map((file) => {
    let diagnostics = file.diagnostics;
    if (/\.ya?ml$/i.test(file.path)) {
      const text = context.readText(file.path);
      if (text !== undefined && text.includes('rulecheck-disable')) {
        diagnostics = applySuppressions(new SourceFile(file.path, resolve(settings.cwd, file.path), text), diagnostics);
      }
    }
    return { ...file, diagnostics: applySeverities(diagnostics, settings.severities) };
  });
  return { ...report, files };
}

/** What `--quiet` prints: errors only; tests that passed are still counted. */
export function errorsOnly(report: RunReport): RunReport {
  return { ...report, files: report.files.map((file) => ({ ...file, diagnostics: file.diagnostics.filter((d) => d.severity === 'error') })) };
}
