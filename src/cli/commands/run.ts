import { resolveSettings } from '../../config/settings.js';
import { runnerOptions } from '../../fixtures/options.js';
import { loadedTextContext } from '../../report/context.js';
import { getReporter, reporterNames } from '../../report/index.js';
import { formatRunStylish } from '../../report/run-stylish.js';
import { changedSinceNote } from '../changed.js';
import { checkAndTest } from '../check-and-test.js';
import { exitCodeFor } from '../exit-code.js';
import { errorsOnly, finalizeReport } from '../finalize.js';
import type { CliValues } from '../options.js';
import { validateTargets } from '../outputs.js';
import { writeReports } from '../write-reports.js';
import { packageVersion } from '../version.js';

/**
 * `rulecheck [PATHS]`, the default command: check and test in one run, one summary, one exit code.
 * Exit 0 when clean, 1 on error-level findings, failed tests or too many warnings, 2 on usage errors.
 */
export async function run(positionals: string[], values: CliValues): Promise<number> {
  const settings = resolveSettings(positionals, values);
  const targets = validateTargets(values.outputs, reporterNames(), 'stylish');
  // Rule files are read once, by the loader; suppressions and code frames take their text from memory.
  const texts = new Map<string, string>();
  const context = loadedTextContext(settings.cwd, packageVersion(), texts);

  const changedSince = values['changed-since'];
  const runner = runnerOptions(settings, values);
  const result = await checkAndTest(settings, { runner, texts, ...(changedSince !== undefined ? { changedSince } : {}) });
  const report = finalizeReport(result.report, settings, context);
  const shown = settings.quiet ? errorsOnly(report) : report;
  const note =
    changedSince === undefined
      ? undefined
      : changedSinceNote('Checked and tested', result.selectedFiles, result.totalFiles, changedSince);

  writeReports(targets, shown, settings.cwd, (format, r, { toTerminal }) => {
    const options = { context, color: toTerminal, quiet: settings.quiet };
    return format === 'stylish' ? formatRunStylish(r, options, note) : getReporter(format)!(r, options);
  });
  return exitCodeFor(report, settings.maxWarnings);
}
