import type { RunReport } from '../../core/results.js';
import { resolveSettings } from '../../config/settings.js';
import { runnerOptions } from '../../fixtures/options.js';
import { renderTestReport, TEST_FORMATS } from '../../fixtures/output.js';
import { TestSession } from '../../fixtures/session.js';
import { ChangeWatcher } from '../../fixtures/watch.js';
import { PathNotFoundError } from '../../rule/load.js';
import { fileReportContext } from '../../report/context.js';
import { exitCodeFor } from '../exit-code.js';
import { errorsOnly, finalizeReport } from '../finalize.js';
import type { CliValues } from '../options.js';
import { validateTargets } from '../outputs.js';
import { UsageError } from '../usage-error.js';
import { packageVersion } from '../version.js';
import { writeReports } from '../write-reports.js';
import { changedSinceNote, selectChangedRules } from '../changed.js';
import type { Rule } from '../../rule/model.js';
import { withNoteAboveSummary } from '../../report/run-stylish.js';

/**
 * `rulecheck test PATHS`: runs every rule test (inline, SigmaHQ regression, fixture manifests),
 * optionally replays a baseline, measures test adequacy and runs mutants. `--watch` keeps running
 * and re-runs the tests a saved file affects.
 */
export async function run(positionals: string[], values: CliValues): Promise<number> {
  const settings = resolveSettings(positionals, values);
  const targets = validateTargets(values.outputs, TEST_FORMATS, 'stylish');
  const session = new TestSession({ ...runnerOptions(settings, values), cwd: settings.cwd, paths: settings.paths, isIgnored: settings.isIgnored });

  const publish = (raw: RunReport): number => {
    // One context per report: under --watch the files it reads for suppressions and snippets change between runs.
    const context = fileReportContext(settings.cwd, packageVersion());
    const report = finalizeReport(raw, settings, context);
    const shown = settings.quiet ? errorsOnly(report) : report;
    writeReports(targets, shown, settings.cwd, (format, r, { toTerminal }) => {
      const text = renderTestReport(format, r, { context, quiet: settings.quiet, color: toTerminal });
      return format === 'stylish' ? withNoteAboveSummary(text, note, toTerminal) : text;
    });
    return exitCodeFor(report, settings.maxWarnings);
  };

  // With --changed-since every rule is loaded (manifests name rules of the whole set), and only the
  // tests of the rules the change touches run.
  const changedSince = values['changed-since'];
  let note: string | undefined;
  const select =
    changedSince === undefined
      ? undefined
      : (rules: Rule[]) => {
          const selected = selectChangedRules(changedSince, settings, rules);
          const total = new Set(rules.map((rule) => rule.file.path)).size;
          const files = selected ? new Set([...selected].map((rule) => rule.file.path)).size : total;
          note = changedSinceNote('Tested', files, total, changedSince);
          return selected;
        };

  let first;
  try {
    first = await session.runAll(select);
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(`path ${error.message}`);
    throw error;
  }
  const code = publish(first.report);
  if (!values.watch) return code;

  process.stdout.write('\nWatching for changes (Ctrl-C to stop)…\n');
  return new Promise<number>((done) => {
    let queue = Promise.resolve();
    const watcher = new ChangeWatcher((paths) => {
      queue = queue.then(async () => {
        try {
          const result = await session.rerun(paths);
          if (!result) return;
          process.stdout.write(`\n${new Date().toLocaleTimeString()}: ${paths.map((p) => session.store.display(p)).join(', ')} changed\n`);
          publish(result.report);
          watcher.update(session.watchedPaths());
        } catch (error) {
          process.stderr.write(`rulecheck: ${(error as Error).message}\n`);
        }
      });
    });
    watcher.update(session.watchedPaths());
    process.once('SIGINT', () => {
      watcher.close();
      done(0);
    });
  });
}
