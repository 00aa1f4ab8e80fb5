import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { LOGSOURCE_MODES, type LogsourceMode } from '../../engine/logsource.js';
import type { RunReport } from '../../core/results.js';
import { resolveSettings } from '../../config/settings.js';
import { TestSession } from '../../fixtures/session.js';
import { ChangeWatcher } from '../../fixtures/watch.js';
import { PathNotFoundError } from '../../rule/load.js';
import type { CliValues } from '../options.js';
import { validateTargets } from '../outputs.js';
import { UsageError } from '../usage-error.js';
import { loadCatalogsForTests } from '../../fixtures/catalogs.js';
import { renderTestReport, TEST_FORMATS } from '../../fixtures/output.js';

/**
 * `rulecheck test PATHS`: runs every rule test (inline, SigmaHQ regression, fixture manifests),
 * optionally replays a baseline, measures test adequacy and runs mutants. `--watch` keeps running.
 */
export async function run(positionals: string[], values: CliValues): Promise<number> {
  const settings = resolveSettings(positionals, values);
  const targets = validateTargets((values as { outputs?: { format: string; file?: string }[] }).outputs ?? [], TEST_FORMATS, 'stylish');
  const minItemCoverage = parsePercent(values['min-item-coverage']);
  const logsource = parseLogsourceMode(values.logsource);
  const baseline = (values.baseline ?? []).map((dir) => resolve(settings.cwd, dir));

  const session = new TestSession(
    {
      cwd: settings.cwd,
      paths: settings.paths,
      isIgnored: settings.isIgnored,
      shapeFor: settings.shapeFor,
      strict: settings.strict,
      ...(baseline.length > 0 ? { baseline } : {}),
      ...(logsource ? { logsource } : {}),
      ...(values.mutate ? { mutate: true } : {}),
      ...(minItemCoverage !== undefined ? { minItemCoverage } : {}),
      catalogs: () => loadCatalogsForTests(settings),
    },
  );

  let first;
  try {
    first = await session.runAll();
  } catch (error) {
    if (error instanceof PathNotFoundError) throw new UsageError(error.message);
    throw error;
  }
  const write = (report: RunReport) => {
    for (const target of targets) {
      const text = renderTestReport(target.format, report, { cwd: settings.cwd, quiet: settings.quiet, color: !target.file && process.stdout.isTTY === true });
      if (target.file) writeFileSync(resolve(settings.cwd, target.file), text);
      else process.stdout.write(text);
    }
  };
  write(first.report);
  if (!values.watch) return exitCode(first.report, settings.maxWarnings);

  process.stdout.write('\nWatching for changes (Ctrl-C to stop)…\n');
  return new Promise<number>((done) => {
    let running = Promise.resolve();
    const watcher = new ChangeWatcher((paths) => {
      running = running.then(async () => {
        const result = await session.rerun(paths);
        if (!result) return;
        process.stdout.write(`\n${new Date().toLocaleTimeString()} ${paths.map((p) => session.store.display(p)).join(', ')} changed\n`);
        write(result.report);
        watcher.update(session.watchedPaths());
      });
    });
    watcher.update(session.watchedPaths());
    process.once('SIGINT', () => {
      watcher.close();
      done(0);
    });
  });
}

function exitCode(report: RunReport, maxWarnings: number | undefined): number {
  const diagnostics = report.files.flatMap((f) => f.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return 1;
  if (report.tests.some((t) => t.status !== 'pass')) return 1;
  if (maxWarnings !== undefined && diagnostics.filter((d) => d.severity === 'warning').length > maxWarnings) return 1;
  return 0;
}

function parsePercent(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  const value = Number(text.replace(/%$/, ''));
  if (!Number.isFinite(value) || value < 0 || value > 100) throw new UsageError(`--min-item-coverage expects a percentage from 0 to 100, got \`${text}\``);
  return value;
}

function parseLogsourceMode(text: string | undefined): LogsourceMode | undefined {
  if (text === undefined) return undefined;
  if (!(LOGSOURCE_MODES as readonly string[]).includes(text)) {
    throw new UsageError(`--logsource expects one of ${LOGSOURCE_MODES.join(', ')}, got \`${text}\``);
  }
  return text as LogsourceMode;
}
