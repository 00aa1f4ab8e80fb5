import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { FileReport, RunReport } from '../core/results.js';
import { assertKnownLintChecks } from '../config/lint-checks.js';
import type { Settings } from '../config/settings.js';
import { findManifests } from '../fixtures/manifest.js';
import { isFixtureYaml } from '../fixtures/project.js';
import { runTests, type RunTestsOptions, type TestRun } from '../fixtures/runner.js';
import type { DetectionRule, Rule } from '../rule/model.js';
import { changedSelection, touchedRulesLintedLast } from './changed.js';
import { buildReport, CHECK_STAGES, rulesOf, type CheckStage, type CheckState } from './pipeline.js';
import { createProgress } from './progress.js';
import { missingPathAsUsageError } from './missing-path.js';
import { coverageOptionsOf } from './coverage-options.js';

/**
 * What `rulecheck [PATHS]` runs: the check stages (load, schema, conditions, lint, coverage) once,
 * then the tests on the same rule model. With `changedSince`, only the rules a change touches are
 * reported and tested; the whole set is still loaded and checked, so cross-rule checks, manifests
 * and the coverage totals see every rule.
 */

export interface CheckAndTestOptions {
  changedSince?: string;
  /** Runner options built from the settings and the command line (`runnerOptions`). */
  runner?: RunTestsOptions;
  /** Filled with each loaded rule file's text by path (for suppressions and code frames). */
  texts?: Map<string, string>;
}

export interface CheckAndTestResult {
  report: RunReport;
  /** Rule files checked and tested (all of them without `changedSince`). */
  selectedFiles: number;
  totalFiles: number;
}

export async function checkAndTest(settings: Settings, options: CheckAndTestOptions = {}): Promise<CheckAndTestResult> {
  // A changed config, user catalog or logsource file can change any rule's findings: then everything is checked.
  const selectedOf = options.changedSince !== undefined ? changedSelection(options.changedSince, settings) : undefined;
  const state = await runCheckStages(settings, options.texts, selectedOf ? touchedRulesLintedLast(CHECK_STAGES, selectedOf) : CHECK_STAGES);
  const rules = rulesOf(state);
  const selected = selectedOf?.(state);

  // Manifests in baseline folders are allow-lists of known fires, as in `rulecheck test`.
  const manifests = findManifests([...settings.paths, ...(options.runner?.baseline ?? [])], settings.cwd);
  const run = await runTests(rules, {
    cwd: settings.cwd,
    strict: settings.strict,
    shapeFor: settings.shapeFor,
    ...(settings.logsourceMode ? { logsource: settings.logsourceMode } : {}),
    ...options.runner,
    manifests,
    ...(selected ? { onlyRules: new Set([...selected].filter((r): r is DetectionRule => r.kind === 'detection')) } : {}),
  });

  const selectedPaths = selected ? new Set([...selected].map((rule) => rule.file.path)) : undefined;
  const report = mergeTestRun(buildReport(state), run, selectedPaths);
  if (selected) report.ruleCount = selected.size;
  return { report, selectedFiles: selectedPaths?.size ?? state.loaded.length, totalFiles: state.loaded.length };
}

async function runCheckStages(settings: Settings, texts: Map<string, string> | undefined, stages: readonly CheckStage[]): Promise<CheckState> {
  assertKnownLintChecks(settings);
  const progress = createProgress('checking rules');
  const state: CheckState = {
    cwd: settings.cwd,
    paths: settings.paths,
    options: {
      cwd: settings.cwd,
      include: (file) => !isFixtureYaml(file) && !settings.isIgnored(file),
      onProgress: (done, total) => progress.update(done, total),
      lint: settings.lint,
      coverage: coverageOptionsOf(settings),
      ...(texts ? { texts } : {}),
    },
    files: [],
    loaded: [],
    diagnostics: [],
    sections: {},
  };
  try {
    for (const stage of stages) await stage.run(state);
  } catch (error) {
    throw missingPathAsUsageError(error, settings.cwd);
  } finally {
    progress.done();
  }
  return state;
}

/**
 * The check report with the test stage joined in: test findings on rule files go to those files,
 * files only the tests read (event files, manifests, info.yml) are added. With a selection, only
 * the selected rule files, and the files their tests read, are reported.
 */
function mergeTestRun(check: RunReport, run: TestRun, selectedPaths: Set<string> | undefined): RunReport {
  const byFile = new Map<string, Diagnostic[]>();
  for (const d of run.ruleDiagnostics) {
    const list = byFile.get(d.file) ?? [];
    list.push(d);
    byFile.set(d.file, list);
  }
  const keep = (file: FileReport) => !selectedPaths || file.kind !== 'rule' || selectedPaths.has(file.path);
  const files: FileReport[] = check.files.filter(keep).map((file) => {
    const added = byFile.get(file.path);
    return added ? { ...file, diagnostics: [...file.diagnostics, ...added].sort(compareDiagnostics) } : file;
  });
  const seen = new Set(files.map((file) => file.path));
  for (const file of run.files) if (!seen.has(file.path)) files.push(file);
  const tests = selectedPaths ? run.tests.filter((test) => selectedPaths.has(test.file)) : run.tests;
  return {
    ...check,
    files,
    tests,
    adequacy: run.adequacy,
    ...(run.mutants ? { mutants: run.mutants } : {}),
    ...(run.baseline ? { baseline: run.baseline } : {}),
  };
}
