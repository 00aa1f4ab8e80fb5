import type { Diagnostic, TextEdit } from '../core/diagnostic.js';
import type { LoadedFile } from '../rule/model.js';
import { lintRules, type LintConfig } from './run.js';

/**
 * `--fix`: apply the fixes of a file's diagnostics as text edits, leaving every other byte alone.
 * A diagnostic's edits are applied together or not at all; a fix that overlaps one already taken
 * waits for the next pass. Passes repeat (re-loading and re-linting) until nothing changes.
 */

export function applyFixes(text: string, diagnostics: Diagnostic[]): { text: string; applied: number } {
  const taken: TextEdit[] = [];
  let applied = 0;
  const overlaps = (a: TextEdit, b: TextEdit) =>
    a.offset < b.endOffset && b.offset < a.endOffset ||
    (a.offset === a.endOffset || b.offset === b.endOffset) && a.offset === b.offset;
  const ordered = diagnostics.filter((d) => d.fix && d.fix.length > 0).sort((a, b) => a.span.offset - b.span.offset);
  for (const d of ordered) {
    const group = d.fix!;
    if (group.some((edit) => taken.some((other) => overlaps(edit, other)))) continue;
    taken.push(...group);
    applied++;
  }
  taken.sort((a, b) => a.offset - b.offset);
  let out = '';
  let cursor = 0;
  for (const edit of taken) {
    out += text.slice(cursor, edit.offset) + edit.text;
    cursor = edit.endOffset;
  }
  return { text: out + text.slice(cursor), applied };
}

export interface FixResult {
  text: string;
  /** Number of fixes applied over all passes. */
  applied: number;
  passes: number;
}

/** Fix one file's text until no fix applies (at most `maxPasses`). */
export function fixText(
  path: string,
  text: string,
  load: (path: string, text: string) => LoadedFile,
  config: LintConfig,
  maxPasses = 10,
): FixResult {
  let current = text;
  let applied = 0;
  let passes = 0;
  while (passes < maxPasses) {
    const loaded = load(path, current);
    const diagnostics = lintRules(loaded.rules, config).filter((d) => d.file === path && d.fix);
    const result = applyFixes(current, diagnostics);
    passes++;
    if (result.applied === 0 || result.text === current) break;
    applied += result.applied;
    current = result.text;
  }
  return { text: current, applied, passes };
}

/** A unified diff of two texts (whole-line hunks with 2 lines of context), for `--fix-dry-run`. */
export function unifiedDiff(path: string, before: string, after: string): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length - 1;
  let endB = b.length - 1;
  while (endA >= start && endB >= start && a[endA] === b[endB]) {
    endA--;
    endB--;
  }
  const from = Math.max(0, start - 2);
  const toA = Math.min(a.length - 1, endA + 2);
  const toB = Math.min(b.length - 1, endB + 2);
  const lines = [`--- a/${path}`, `+++ b/${path}`, `@@ -${from + 1},${toA - from + 1} +${from + 1},${toB - from + 1} @@`];
  for (let i = from; i < start; i++) lines.push(` ${a[i]}`);
  for (let i = start; i <= endA; i++) lines.push(`-${a[i]}`);
  for (let i = start; i <= endB; i++) lines.push(`+${b[i]}`);
  for (let i = endA + 1; i <= toA; i++) lines.push(` ${a[i]}`);
  return lines.join('\n') + '\n';
}
