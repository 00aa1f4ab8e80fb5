import type { CheckStage } from '../cli/pipeline.js';
import { coverageTotals } from './matrix.js';
import { checkCoverage } from './run.js';

/**
 * The coverage stage of `check`: every rule against the catalogs its logsource binds to. Adds the
 * findings, the matrix (`RunReport.coverage`) and the totals per source (`RunReport.coverageTotals`).
 * Off when `CheckOptions.coverage` is `false`.
 */
export const coverageStage: CheckStage = {
  name: 'coverage',
  run(state) {
    const options = state.options.coverage;
    if (options === false) return;
    const run = checkCoverage(
      state.loaded.flatMap((file) => file.rules),
      { cwd: state.cwd, ...(options ?? {}) },
    );
    state.diagnostics.push(...run.diagnostics);
    state.sections.coverage = run.matrix;
    state.sections.coverageTotals = coverageTotals(run.matrix);
    // Problems of user catalogs and an EMM checkout are reported on their own files.
    state.diagnostics.push(...run.set.diagnostics);
  },
};
