import { resolve } from 'node:path';
import { resolveSettings } from '../../config/settings.js';
import { isFixtureYaml } from '../../fixtures/project.js';
import { loadedTextContext } from '../../report/context.js';
import { getReporter, reporterNames } from '../../report/index.js';
import { exitCodeFor } from '../exit-code.js';
import { errorsOnly, finalizeReport } from '../finalize.js';
import type { CliValues } from '../options.js';
import { validateTargets } from '../outputs.js';
import { buildReport, CHECK_STAGES, runCheckStages } from '../pipeline.js';
import { changedSelection, changedSinceNote, restrictToRuleFiles, touchedRulesLintedLast } from '../changed.js';
import { assertKnownLintChecks } from '../../config/lint-checks.js';
import type { RunReport } from '../../core/results.js';
import { withNoteAboveSummary } from '../../report/run-stylish.js';
import { createProgress } from '../progress.js';
import { packageVersion } from '../version.js';
import { missingPathAsUsageError } from '../missing-path.js';
import { writeReports } from '../write-reports.js';
import { fixFiles } from '../../lint/fix-files.js';
import { listChecks } from '../../lint/list.js';
import { coverageOptionsOf } from '../coverage-options.js';

/**
 * `rulecheck check PATHS`: load, schema, condition, lint and coverage, no fixtures. Exit 0 when
 * clean, 1 on error-level findings (or more warnings than `--max-warnings`), 2 on usage errors.
 */
export async function run(positionals: string[], values: CliValues): Promise<number> {
  if (values['list-checks']) {
    process.stdout.write(listChecks());
    return 0;
  }
  const settings = resolveSettings(positionals, values);
  assertKnownLintChecks(settings);
  const targets = validateTargets(values.outputs, reporterNames(), 'stylish');
  // Rule files are read once, by the loader; suppressions and code frames take their text from memory.
  const texts = new Map<string, string>();
  const context = loadedTextContext(settings.cwd, packageVersion(), texts);

  const changedSince = values['changed-since'];
  const progress = createProgress('checking rules');
  let report: RunReport;
  let note: string | undefined;
  const checkOptions = {
    cwd: settings.cwd,
    include: (file: string) => !isFixtureYaml(file) && !settings.isIgnored(file),
    onProgress: (done: number, total: number) => progress.update(done, total),
    lint: settings.lint,
    coverage: values['no-coverage'] ? (false as const) : coverageOptionsOf(settings),
    texts,
  };
  // Every rule is loaded and checked (cross-rule checks, coverage totals); with --changed-since only
  // the findings of the selected rule files are reported (and fixed).
  const selectedOf = changedSince === undefined ? undefined : changedSelection(changedSince, settings);
  const checkAll = async (): Promise<RunReport> => {
    const state = await runCheckStages(settings.paths, checkOptions, selectedOf ? touchedRulesLintedLast(CHECK_STAGES, selectedOf) : CHECK_STAGES);
    const all = buildReport(state);
    if (changedSince === undefined || !selectedOf) return all;
    const selected = selectedOf(state);
    if (!selected) {
      note = changedSinceNote('Checked', state.loaded.length, state.loaded.length, changedSince);
      return all;
    }
    const selectedPaths = new Set([...selected].map((rule) => rule.file.path));
    note = changedSinceNote('Checked', selectedPaths.size, state.loaded.length, changedSince);
    return restrictToRuleFiles(all, selectedPaths, selected.size);
  };
  try {
    report = await checkAll();
    if (values.fix || values['fix-dry-run']) {
      // Fix only files with a fixable finding, then check again so the report shows what is left.
      const fixable = report.files.filter((f) => f.diagnostics.some((d) => d.fix)).map((f) => ({ path: f.path, absPath: resolve(settings.cwd, f.path) }));
      const fixed = fixFiles(fixable, settings.lint, Boolean(values.fix));
      if (values['fix-dry-run']) for (const f of fixed) process.stdout.write(f.diff);
      if (values.fix && fixed.length > 0) report = await checkAll();
    }
  } catch (error) {
    throw missingPathAsUsageError(error, settings.cwd);
  } finally {
    progress.done();
  }
  report = finalizeReport(report, settings, context);
  const shown = settings.quiet ? errorsOnly(report) : report;
  writeReports(targets, shown, settings.cwd, (format, r, { toTerminal }) => {
    const text = getReporter(format)!(r, { context, color: toTerminal, quiet: settings.quiet });
    return format === 'stylish' ? withNoteAboveSummary(text, note, toTerminal) : text;
  });
  return exitCodeFor(report, settings.maxWarnings);
}

