import { resolveSettings } from '../../config/settings.js';
import type { RunReport } from '../../core/results.js';
import { checkCoverage } from '../../coverage/run.js';
import { coverageOptionsOf } from '../coverage-options.js';
import { formatCoverageHtml } from '../../coverage/render/html.js';
import { formatNavigatorLayer } from '../../coverage/render/navigator.js';
import { formatCoverageJson, formatCoverageMarkdown, formatCoverageStylish } from '../../coverage/render/text.js';
import { isFixtureYaml } from '../../fixtures/project.js';
import type { CliValues } from '../options.js';
import { validateTargets } from '../outputs.js';
import { discoverStage, loadStage, rulesOf, type CheckState } from '../pipeline.js';
import { missingPathAsUsageError } from '../missing-path.js';
import { packageVersion } from '../version.js';
import { writeReports } from '../write-reports.js';
import type { CoverageMatrix } from '../../coverage/matrix.js';

const FORMATS = ['stylish', 'markdown', 'json', 'html', 'navigator'] as const;

/**
 * `rulecheck coverage PATHS`: which event types of each catalog source the rules select, as a
 * table, Markdown, JSON, an HTML heat map, or an ATT&CK Navigator layer of the rules' technique tags.
 * Loads the rules and binds them to the catalogs; findings are `check`'s business, not printed here.
 */
export async function run(positionals: string[], values: CliValues): Promise<number> {
  const settings = resolveSettings(positionals, values);
  const targets = validateTargets(values.outputs, FORMATS, 'stylish');
  const state: CheckState = {
    cwd: settings.cwd,
    paths: settings.paths,
    options: { cwd: settings.cwd, include: (file) => !isFixtureYaml(file) && !settings.isIgnored(file) },
    files: [],
    loaded: [],
    diagnostics: [],
    sections: {},
  };
  try {
    await discoverStage.run(state);
    await loadStage.run(state);
  } catch (error) {
    throw missingPathAsUsageError(error, settings.cwd);
  }
  const coverage = checkCoverage(rulesOf(state), { ...coverageOptionsOf(settings), allSources: true });
  const matrix = coverage.matrix;
  for (const d of coverage.set.diagnostics.filter((d) => d.severity === 'error')) {
    process.stderr.write(`${d.file}:${d.span.line}:${d.span.column}: ${d.message} (${d.id})\n`);
  }
  const version = packageVersion();
  // writeReports renders a RunReport; the matrix travels in its `coverage` section.
  const report: RunReport = { files: [], tests: [], ruleCount: matrix.rules.length, coverage: matrix };
  writeReports(targets, report, settings.cwd, (format, r, { toTerminal }) => render(format, r.coverage as CoverageMatrix, toTerminal, version));
  return coverage.set.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function render(format: string, matrix: CoverageMatrix, color: boolean, version: string): string {
  switch (format as (typeof FORMATS)[number]) {
    case 'markdown':
      return formatCoverageMarkdown(matrix);
    case 'json':
      return formatCoverageJson(matrix);
    case 'html':
      return formatCoverageHtml(matrix, version);
    case 'navigator':
      return formatNavigatorLayer(matrix);
    default:
      return formatCoverageStylish(matrix, color);
  }
}
