import { readFileSync, writeFileSync } from 'node:fs';
import { loadRuleText } from '../rule/load.js';
import { fixText, unifiedDiff } from './fix.js';
import type { LintConfig } from './run.js';

export interface FileFix {
  /** Path relative to the working directory (as in diagnostics). */
  path: string;
  absPath: string;
  applied: number;
  diff: string;
}

/**
 * `--fix` / `--fix-dry-run` over files: fixes each file until nothing changes, then writes it back
 * (unless `write` is false). Only files whose text changes are returned.
 */
export function fixFiles(files: { path: string; absPath: string }[], config: LintConfig, write: boolean): FileFix[] {
  const out: FileFix[] = [];
  for (const file of files) {
    const before = readFileSync(file.absPath, 'utf8');
    const result = fixText(file.path, before, (path, text) => loadRuleText(path, text, file.absPath), config);
    if (result.text === before) continue;
    if (write) writeFileSync(file.absPath, result.text);
    out.push({ path: file.path, absPath: file.absPath, applied: result.applied, diff: unifiedDiff(file.path, before, result.text) });
  }
  return out;
}
