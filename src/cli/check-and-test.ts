import { resolve } from 'node:path';
import type { RunReport } from '../core/results.js';
import type { Settings } from '../config/settings.js';
import { findManifests } from '../fixtures/manifest.js';
import { isFixtureYaml, testRunReport } from '../fixtures/project.js';
import { runTests, type RunTestsOptions } from '../fixtures/runner.js';
import { discoverRuleFiles, displayPath, loadRuleFile, PathNotFoundError } from '../rule/load.js';
import type { DetectionRule, LoadedFile } from '../rule/model.js';
import { changedFiles, rulesTouchedBy } from './changed.js';
import { createProgress } from './progress.js';
import { UsageError } from './usage-error.js';

/**
 * What `rulecheck [PATHS]` runs: every rule file loaded once, then checked and tested from the
 * same model. With `changedSince`, only the rules a change touches are checked and tested; the
 * others are still loaded (manifests and coverage totals need the whole set).
 */

export interface CheckAndTestOptions {
  changedSince?: string;
  /** Runner options built from the settings and the command line (`runnerOptions`). */
  runner?: RunTestsOptions;
}

export interface CheckAndTestResult {
  report: RunReport;
  /** Rule files checked and tested (all of them without `changedSince`). */
  selectedFiles: number;
  totalFiles: number;
}

export async function checkAndTest(settings: Settings, options: CheckAndTestOptions = {}): Promise<CheckAndTestResult> {
  const loaded = await loadAll(settings);
  const rules = loaded.flatMap((file) => file.rules);

  let selected = loaded;
  let onlyRules: Set<DetectionRule> | undefined;
  if (options.changedSince !== undefined) {
    const touched = rulesTouchedBy(rules, changedFiles(options.changedSince, settings.cwd));
    selected = loaded.filter((file) => file.rules.some((rule) => touched.has(rule)));
    onlyRules = new Set([...touched].filter((rule): rule is DetectionRule => rule.kind === 'detection'));
  }

  const manifests = await findManifests(settings.paths, settings.cwd);
  const run = await runTests(rules, {
    cwd: settings.cwd,
    strict: settings.strict,
    shapeFor: settings.shapeFor,
    ...(settings.logsourceMode ? { logsource: settings.logsourceMode } : {}),
    ...options.runner,
    manifests,
    ...(onlyRules ? { onlyRules } : {}),
  });
  const report = testRunReport(selected, run);
  if (onlyRules) {
    // Manifests and baselines may name any rule; keep only what concerns the selection.
    const files = new Set(selected.map((file) => file.source.path));
    report.tests = report.tests.filter((test) => files.has(test.file));
  }
  return { report, selectedFiles: selected.length, totalFiles: loaded.length };
}

/** Discovers and loads every rule file under the settings' paths, with TTY progress. */
export async function loadAll(settings: Settings): Promise<LoadedFile[]> {
  let files: string[];
  try {
    files = await discoverRuleFiles(settings.paths, settings.cwd);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(`path \`${displayPath(resolve(settings.cwd, error.path), settings.cwd)}\` does not exist`);
    throw error;
  }
  files = files.filter((file) => !isFixtureYaml(file) && !settings.isIgnored(file));
  const progress = createProgress('loading rules');
  const loaded: LoadedFile[] = [];
  for (const [index, file] of files.entries()) {
    loaded.push(loadRuleFile(file, settings.cwd));
    progress.update(index + 1, files.length);
  }
  progress.done();
  return loaded;
}
