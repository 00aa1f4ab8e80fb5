import { compareDiagnostics, type Diagnostic } from '../core/diagnostic.js';
import type { FileReport, RunReport } from '../core/results.js';
import { discoverRuleFiles, loadRuleFile } from '../rule/load.js';
import type { LoadedFile, Rule } from '../rule/model.js';
import type { LintConfig } from '../lint/run.js';
import { lintStage } from '../lint/stage.js';
import type { CoverageOptions } from '../coverage/run.js';
import { coverageStage } from '../coverage/stage.js';

/**
 * `rulecheck check` as a list of stages over one shared state: discover the files, load them
 * (YAML with positions, rule model, schema, conditions and field specs, per document), then the
 * stages that work on the model (lint, coverage), then the report. A stage adds diagnostics; none
 * re-reads what an earlier stage understood.
 */

export interface CheckOptions {
  /** Paths in diagnostics are relative to it; default process.cwd(). */
  cwd?: string;
  /** Keep only the discovered files this accepts (absolute paths). */
  include?: (absPath: string) => boolean;
  maxFileBytes?: number;
  onProgress?: (done: number, total: number) => void;
  /** Filled with each loaded file's text by path, so report steps need not read the file again. */
  texts?: Map<string, string>;
  /** Lint preset and per-check settings (the `lint` section of the config). */
  lint?: LintConfig;
  /** Catalogs and field mappings for the coverage stage; `false` skips it. */
  coverage?: CoverageOptions | false;
}

export interface CheckState {
  cwd: string;
  paths: string[];
  options: CheckOptions;
  /** Absolute paths of the rule files, sorted. */
  files: string[];
  loaded: LoadedFile[];
  /** Findings of the stages after loading, each on the file it names (`Diagnostic.file`). */
  diagnostics: Diagnostic[];
  /** Optional report sections (coverage matrix…) set by the stages that compute them. */
  sections: Pick<RunReport, 'coverage' | 'coverageTotals'>;
}

export interface CheckStage {
  name: string;
  run(state: CheckState): void | Promise<void>;
}

export const discoverStage: CheckStage = {
  name: 'discover',
  async run(state) {
    const files = discoverRuleFiles(state.paths, state.cwd);
    state.files = state.options.include ? files.filter(state.options.include) : files;
  },
};

export const loadStage: CheckStage = {
  name: 'load',
  run(state) {
    const { maxFileBytes, onProgress } = state.options;
    state.loaded = state.files.map((file, index) => {
      const loaded = loadRuleFile(file, state.cwd, maxFileBytes === undefined ? {} : { maxFileBytes });
      state.options.texts?.set(loaded.source.path, loaded.source.text);
      onProgress?.(index + 1, state.files.length);
      return loaded;
    });
  },
};

/** The stages of `check`, in order. Stages working on the loaded model go after `load`. */
export const CHECK_STAGES: CheckStage[] = [discoverStage, loadStage, lintStage, coverageStage];

export function rulesOf(state: CheckState): Rule[] {
  return state.loaded.flatMap((file) => file.rules);
}

export async function runCheck(paths: string[], options: CheckOptions = {}, stages: readonly CheckStage[] = CHECK_STAGES): Promise<RunReport> {
  return buildReport(await runCheckStages(paths, options, stages));
}

/** The stages run over a fresh state, which is returned (for callers that need the loaded rules too). */
export async function runCheckStages(paths: string[], options: CheckOptions = {}, stages: readonly CheckStage[] = CHECK_STAGES): Promise<CheckState> {
  const state: CheckState = { cwd: options.cwd ?? process.cwd(), paths, options, files: [], loaded: [], diagnostics: [], sections: {} };
  for (const stage of stages) await stage.run(state);
  return state;
}

/** Every file given once, in path order, with its diagnostics sorted; later stages' findings joined by file. */
export function buildReport(state: CheckState): RunReport {
  const extra = new Map<string, Diagnostic[]>();
  for (const d of state.diagnostics) {
    const list = extra.get(d.file);
    if (list) list.push(d);
    else extra.set(d.file, [d]);
  }
  const files: FileReport[] = state.loaded.map((file) => {
    const added = extra.get(file.source.path);
    extra.delete(file.source.path);
    const diagnostics = added ? [...file.diagnostics, ...added].sort(compareDiagnostics) : file.diagnostics;
    return { path: file.source.path, kind: 'rule', diagnostics };
  });
  // Findings on files that are not rule files (catalogs, configs) get their own entries.
  for (const [path, diagnostics] of [...extra].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    files.push({ path, kind: 'other', diagnostics: diagnostics.sort(compareDiagnostics) });
  }
  const ruleCount = state.loaded.reduce((sum, file) => sum + file.rules.length, 0);
  return { files, tests: [], ruleCount, ...state.sections };
}
