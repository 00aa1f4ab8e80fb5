import { execFileSync } from 'node:child_process';
import { realpathSync } from 'node:fs';
import { dirname, resolve, sep } from 'node:path';
import type { RunReport } from '../core/results.js';
import type { LoadedFile, Rule } from '../rule/model.js';
import type { CheckStage, CheckState } from './pipeline.js';
import { readTestDeclarations } from '../fixtures/declarations.js';
import { UsageError } from './usage-error.js';

/**
 * Pull-request mode (`--changed-since REF`): which files changed, and which rules that touches.
 * Changed = committed since the merge base with REF (`git diff REF...HEAD`), plus staged,
 * unstaged and untracked files, so a local run before committing sees the same set as CI.
 */

export function changedFiles(ref: string, cwd: string): Set<string> {
  const root = git(['rev-parse', '--show-toplevel'], cwd, () => `--changed-since needs a git repository, and \`${cwd}\` is not inside one`).trim();
  git(['rev-parse', '--verify', '--quiet', `${ref}^{commit}`], root, () => `--changed-since: \`${ref}\` is not a commit, branch or tag of this repository (in CI, fetch it first: \`git fetch origin ${ref}\`)`);
  const lists = [
    git(['diff', '--name-only', '-z', '--no-renames', `${ref}...HEAD`], root, (e) => `--changed-since: git diff ${ref}...HEAD failed: ${e}`),
    git(['diff', '--name-only', '-z', '--no-renames', 'HEAD'], root, (e) => `--changed-since: git diff HEAD failed: ${e}`),
    git(['ls-files', '--others', '--exclude-standard', '-z'], root, (e) => `--changed-since: git ls-files failed: ${e}`),
  ];
  const changed = new Set<string>();
  for (const list of lists) for (const name of list.split('\0')) if (name) changed.add(resolve(root, name));
  return changed;
}

/**
 * The rules a change touches: rules in changed files, rules whose inline tests name a changed
 * fixture file, and rules whose SigmaHQ regression folder (`regression_tests_path`) holds a
 * changed file.
 */
export function rulesTouchedBy(rules: Rule[], changed: Set<string>): Set<Rule> {
  const touched = new Set<Rule>();
  const changedList = [...changed];
  for (const rule of rules) {
    if (changed.has(real(rule.file.absPath)) || fixturesOf(rule).some((path) => changed.has(real(path)))) {
      touched.add(rule);
      continue;
    }
    const written = rule.regressionTestsPath?.value.trim();
    if (written) {
      const folders = ancestors(dirname(real(rule.file.absPath))).map((dir) => dirname(resolve(dir, written)) + sep);
      if (changedList.some((path) => folders.some((folder) => path.startsWith(folder)))) touched.add(rule);
    }
  }
  return touched;
}

/** True when a changed file affects every rule: the config file or a user catalog. */
export function changesEverything(changed: Set<string>, sharedFiles: (string | undefined)[]): boolean {
  return sharedFiles.some((path) => path !== undefined && changed.has(real(path)));
}

/** Absolute paths of the fixture files a rule's inline tests reference. */
function fixturesOf(rule: Rule): string[] {
  if (!rule.tests) return [];
  const out: string[] = [];
  for (const test of readTestDeclarations(rule).tests) {
    for (const event of test.events) {
      if (event.kind === 'fixture') out.push(resolve(dirname(rule.file.absPath), event.path));
    }
  }
  return out;
}

/** git prints real paths; the rules may have been reached through a symbolic link. */
function real(path: string): string {
  try {
    return realpathSync.native(path);
  } catch {
    return path;
  }
}

function ancestors(dir: string): string[] {
  const out: string[] = [];
  for (let current = resolve(dir); ; current = dirname(current)) {
    out.push(current);
    if (dirname(current) === current) return out;
  }
}

function git(args: string[], cwd: string, failure: (stderr: string) => string): string {
  try {
    return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  } catch (error) {
    const stderr = String((error as { stderr?: string }).stderr ?? (error as Error).message).trim().split('\n')[0];
    throw new UsageError(failure(stderr));
  }
}

/**
 * The rules `--changed-since REF` selects among `rules`, or undefined when a shared file changed
 * (the config, a user catalog, the logsource definitions) and every rule counts as touched.
 */
export function selectChangedRules(
  ref: string,
  settings: { cwd: string; configPath?: string | undefined; catalogs: string[]; logsources?: string | undefined },
  rules: Rule[],
): Set<Rule> | undefined {
  const changed = changedFiles(ref, settings.cwd);
  if (changesEverything(changed, [settings.configPath, ...settings.catalogs, settings.logsources])) return undefined;
  return rulesTouchedBy(rules, changed);
}

/** A report cut down to the selected rule files: other rule files and their tests are left out. */
export function restrictToRuleFiles(report: RunReport, selectedPaths: Set<string>, ruleCount: number): RunReport {
  return {
    ...report,
    files: report.files.filter((file) => file.kind !== 'rule' || selectedPaths.has(file.path)),
    tests: report.tests.filter((test) => selectedPaths.has(test.file)),
    ruleCount,
  };
}

/** The line printed under a `--changed-since` report. */
export function changedSinceNote(verb: string, selectedFiles: number, totalFiles: number, ref: string): string {
  return `${verb} ${selectedFiles} of ${totalFiles} rule files: those changed since ${ref} and those whose fixtures changed.`;
}

/**
 * The check stages for `--changed-since`, with the rule files the change touches moved after the
 * others while the lint stage runs. Cross-rule checks (duplicate id, title, detection) report the
 * later of two rules that clash; with the touched rules last, a clash a change brings in is
 * reported on the changed rule, which the report shows, and not on an unchanged one, which it hides.
 * `selectedOf` is called once per state, after loading; the path order is restored after linting.
 */
export function touchedRulesLintedLast(stages: readonly CheckStage[], selectedOf: (state: CheckState) => Set<Rule> | undefined): CheckStage[] {
  const at = stages.findIndex((stage) => stage.name === 'lint');
  if (at < 0) return [...stages];
  const original = new WeakMap<CheckState, LoadedFile[]>();
  const before: CheckStage = {
    name: 'touched-rules-last',
    run(state) {
      const selected = selectedOf(state);
      if (!selected) return;
      const touched = (file: LoadedFile) => file.rules.some((rule) => selected.has(rule));
      original.set(state, state.loaded);
      state.loaded = [...state.loaded.filter((file) => !touched(file)), ...state.loaded.filter(touched)];
    },
  };
  const after: CheckStage = {
    name: 'path-order',
    run(state) {
      const loaded = original.get(state);
      if (loaded) state.loaded = loaded;
    },
  };
  return [...stages.slice(0, at), before, stages[at], after, ...stages.slice(at + 1)];
}

/** `selectChangedRules` computed once per check state (memoised for the stages and the report). */
export function changedSelection(ref: string, settings: Parameters<typeof selectChangedRules>[1]): (state: CheckState) => Set<Rule> | undefined {
  const memo = new WeakMap<CheckState, Set<Rule> | undefined>();
  return (state) => {
    if (!memo.has(state)) memo.set(state, selectChangedRules(ref, settings, state.loaded.flatMap((file) => file.rules)));
    return memo.get(state);
  };
}
