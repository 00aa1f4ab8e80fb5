import type { CheckStage } from '../cli/pipeline.js';
import { UsageError } from '../cli/usage-error.js';
import { LintConfigError, lintRules } from './run.js';

/** The lint stage of `check`: every enabled check over every loaded rule (cross-rule checks see them all). */
export const lintStage: CheckStage = {
  name: 'lint',
  run(state) {
    const rules = state.loaded.flatMap((file) => file.rules);
    try {
      state.diagnostics.push(...lintRules(rules, state.options.lint ?? {}));
    } catch (error) {
      if (error instanceof LintConfigError) throw new UsageError(`configuration: ${error.message}`);
      throw error;
    }
  },
};
