import type { RunReport } from '../core/results.js';
import type { ReportContext } from './context.js';
import { formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJson } from './json.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';
import { heatMapSection, isCoverageMatrix } from '../coverage/render/html.js';

/** Every output format by name: one RunReport, many printers. */

export interface ReporterOptions {
  context: ReportContext;
  /** Colours (the stylish format on a terminal); NO_COLOR still wins. */
  color: boolean;
  /** Errors only. */
  quiet?: boolean;
}

export type Reporter = (report: RunReport, options: ReporterOptions) => string;

const REPORTERS = new Map<string, Reporter>([
  ['stylish', formatStylish],
  ['json', (report) => formatJson(report)],
  ['sarif', (report, options) => formatSarif(report, options.context)],
  ['junit', (report) => formatJunit(report)],
  ['github', (report) => formatGithub(report)],
  ['markdown', (report) => formatMarkdown(report)],
  ['html', (report, options) => formatHtml(report, options.context, isCoverageMatrix(report.coverage) ? [heatMapSection(report.coverage)] : [])],
]);

export function registerReporter(name: string, reporter: Reporter): void {
  REPORTERS.set(name, reporter);
}

export function getReporter(name: string): Reporter | undefined {
  return REPORTERS.get(name);
}

export function reporterNames(): string[] {
  return [...REPORTERS.keys()];
}
