import type { Diagnostic, TextEdit } from '../core/diagnostic.js';
import type { LoadedFile } from '../rule/model.js';
import { lintRules, type LintConfig } from './run.js';
import { createTwoFilesPatch } from 'diff';

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

/** A unified diff of two texts with 2 lines of context, for `--fix-dry-run`. */
export function unifiedDiff(path: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const patch = createTwoFilesPatch(`a/${path}`, `b/${path}`, before, after, undefined, undefined, { context });
  // The package starts every patch with a line of `=` (its Index: separator); a file diff needs no separator.
  return patch.replace(/^=+\n/, '');
}
