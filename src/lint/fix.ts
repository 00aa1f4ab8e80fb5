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

/** A unified diff of two texts (line LCS, hunks with 2 lines of context), for `--fix-dry-run`. */
export function unifiedDiff(path: string, before: string, after: string, context = 2): string {
  if (before === after) return '';
  const a = before.split('\n');
  const b = after.split('\n');
  // Longest common subsequence table over lines (rule files are small).
  const lcs: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--)
    for (let j = b.length - 1; j >= 0; j--) lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
  const ops: { kind: ' ' | '-' | '+'; text: string; ai: number; bi: number }[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (i < a.length && j < b.length && a[i] === b[j]) ops.push({ kind: ' ', text: a[i++], ai: i, bi: ++j });
    else if (i < a.length && (j === b.length || lcs[i + 1][j] >= lcs[i][j + 1])) ops.push({ kind: '-', text: a[i++], ai: i, bi: j });
    else ops.push({ kind: '+', text: b[j++], ai: i, bi: j });
  }
  const out = [`--- a/${path}`, `+++ b/${path}`];
  let k = 0;
  while (k < ops.length) {
    if (ops[k].kind === ' ') {
      k++;
      continue;
    }
    const start = Math.max(0, k - context);
    let end = k;
    while (end < ops.length) {
      if (ops[end].kind !== ' ') {
        end++;
        continue;
      }
      let run = end;
      while (run < ops.length && ops[run].kind === ' ') run++;
      if (run === ops.length || run - end > 2 * context) {
        end = Math.min(ops.length, end + context);
        break;
      }
      end = run;
    }
    const hunk = ops.slice(start, end);
    const aStart = hunk.find((o) => o.kind !== '+')?.ai ?? 0;
    const bStart = hunk.find((o) => o.kind !== '-')?.bi ?? 0;
    const aCount = hunk.filter((o) => o.kind !== '+').length;
    const bCount = hunk.filter((o) => o.kind !== '-').length;
    out.push(`@@ -${aStart},${aCount} +${bStart},${bCount} @@`);
    for (const o of hunk) out.push(`${o.kind}${o.text}`);
    k = end;
  }
  return out.join('\n') + '\n';
}
