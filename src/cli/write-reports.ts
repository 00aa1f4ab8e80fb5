import { appendFileSync, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import type { RunReport } from '../core/results.js';
import type { OutputTarget } from './outputs.js';
import { UsageError } from './usage-error.js';
import { fileErrorReason } from '../core/file-errors.js';

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
      throw new UsageError(`cannot write \`${target.file}\`: ${writeProblem(path, cwd, error as NodeJS.ErrnoException)}`);
    }
  }
}

/** Why a report file could not be written, as a sentence rather than an error code. */
function writeProblem(path: string, cwd: string, error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case 'EEXIST':
    case 'ENOTDIR': {
      // mkdir or open met a file where the path needs a folder: name the first such file.
      let folder = dirname(path);
      while (!existsSync(folder) && dirname(folder) !== folder) folder = dirname(folder);
      const where = statSync(folder, { throwIfNoEntry: false })?.isFile() ? `\`${relative(cwd, folder) || folder}\`` : 'a part of the path';
      return `${where} is a file, not a folder`;
    }
    default:
      return fileErrorReason(error, path);
  }
}
