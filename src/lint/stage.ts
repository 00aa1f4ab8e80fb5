import type { CheckStage } from '../cli/pipeline.js';
import { lintRules } from './run.js';

/** The lint stage of `check`: every enabled check over every loaded rule (cross-rule checks see them all). */
export const lintStage: CheckStage = {
  name: 'lint',
  run(state) {
    const rules = state.loaded.flatMap((file) => file.rules);
    state.diagnostics.push(...lintRules(rules, state.options.lint ?? {}));
  },
};
