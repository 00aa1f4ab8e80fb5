import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { RunReport } from '../core/results.js';
import type { OutputTarget } from './outputs.js';
import { UsageError } from './usage-error.js';

export type RenderReport = (format: string, report: RunReport, target: { toTerminal: boolean }) => string;

/**
 * Writes every requested report: files first, stdout last. GitHub's step summary file is appended
 * to, as GitHub asks, so earlier steps' summaries stay.
 */
export function writeReports(targets: OutputTarget[], report: RunReport, cwd: string, render: RenderReport): void {
  const ordered = [...targets.filter((t) => t.file !== undefined), ...targets.filter((t) => t.file === undefined)];
  for (const target of ordered) {
    const toTerminal = target.file === undefined && process.stdout.isTTY === true;
    const text = render(target.format, report, { toTerminal });
    if (target.file === undefined) {
      process.stdout.write(text);
      continue;
    }
    const path = resolve(cwd, target.file);
    try {
      mkdirSync(dirname(path), { recursive: true });
      if (process.env.GITHUB_STEP_SUMMARY && path === resolve(process.env.GITHUB_STEP_SUMMARY)) appendFileSync(path, text);
      else writeFileSync(path, text);
    } catch (error) {
      throw new UsageError(`cannot write \`${target.file}\`: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
    }
  }
}
