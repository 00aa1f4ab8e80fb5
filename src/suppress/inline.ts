import type { Diagnostic, Span } from '../core/diagnostic.js';
import { SourceFile } from '../core/source.js';

/**
 * Suppression comments in rule files:
 *   `# rulecheck-disable-next-line <id>[, <id>] [-- reason]`  the next line that is not blank or a comment
 *   `# rulecheck-disable <id>[, <id>] [-- reason]`            the whole file
 * An id is a diagnostic id (`lint/title-length`) or an area (`coverage/*`); no id means every id.
 * Only whole-line comments count. A suppression that silences nothing is reported as `suppress/unused`.
 */

export interface Suppression {
  scope: 'next-line' | 'file';
  /** Line the suppression applies to (next-line scope), 1-based. */
  targetLine?: number;
  /** Id patterns; empty = all ids. */
  ids: { pattern: string; span: Span }[];
  /** The directive (`rulecheck-disable-next-line`), for the unused report of an id-less comment. */
  span: Span;
}

const DIRECTIVE = /^([ \t]*#[ \t]*)(rulecheck-disable-next-line|rulecheck-disable)(?=[ \t]|$)(.*)$/;
const UNUSED_ID = 'suppress/unused';
/** `key: |`, `key: >-`, `- |2` … at the end of a line (a trailing comment allowed). */
const BLOCK_SCALAR_START = /(?::|^\s*-|\s-)\s+[|>][1-9+-]{0,2}\s*(?:#.*)?$/;

export function parseSuppressions(source: SourceFile): Suppression[] {
  const text = source.text;
  const out: Suppression[] = [];
  const lines = text.split('\n');
  let offset = 0;
  const lineOffsets: number[] = [];
  for (const line of lines) {
    lineOffsets.push(offset);
    offset += line.length + 1;
  }
  // Lines of a block scalar (`description: |`) are text, not comments: a directive there is not one.
  let blockIndent: number | undefined;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const indent = line.length - line.trimStart().length;
    if (blockIndent !== undefined) {
      if (line.trim() === '' || indent > blockIndent) continue;
      blockIndent = undefined;
    }
    if (BLOCK_SCALAR_START.test(line)) {
      blockIndent = indent;
      continue;
    }
    const m = DIRECTIVE.exec(line);
    if (!m) continue;
    const directiveStart = lineOffsets[i] + m[1].length;
    const rest = m[3];
    const restStart = directiveStart + m[2].length;
    const reasonAt = rest.indexOf('--');
    const list = reasonAt === -1 ? rest : rest.slice(0, reasonAt);
    const ids: Suppression['ids'] = [];
    for (const idMatch of list.matchAll(/[^\s,]+/g)) {
      const start = restStart + (idMatch.index ?? 0);
      ids.push({ pattern: idMatch[0], span: source.span(start, start + idMatch[0].length) });
    }
    const span = source.span(directiveStart, directiveStart + m[2].length);
    if (m[2] === 'rulecheck-disable') {
      out.push({ scope: 'file', ids, span });
    } else {
      let target = i + 1;
      while (target < lines.length && /^\s*(#.*)?\r?$/.test(lines[target])) target++;
      out.push({ scope: 'next-line', targetLine: target < lines.length ? target + 1 : undefined, ids, span });
    }
  }
  return out;
}

function idMatches(pattern: string, id: string): boolean {
  if (pattern.endsWith('/*')) return id.startsWith(pattern.slice(0, -1));
  return pattern === id;
}

/**
 * Drops the diagnostics of one file that its suppression comments cover, and adds a
 * `suppress/unused` warning for each suppression (or listed id) that covered nothing.
 */
export function applySuppressions(source: SourceFile, diagnostics: Diagnostic[]): Diagnostic[] {
  const suppressions = parseSuppressions(source);
  if (suppressions.length === 0) return diagnostics;
  const used = new Set<string>();
  const kept: Diagnostic[] = [];
  for (const d of diagnostics) {
    let suppressed = false;
    suppressions.forEach((s, index) => {
      if (s.scope === 'next-line' && s.targetLine !== d.span.line) return;
      if (s.ids.length === 0) {
        used.add(`${index}`);
        suppressed = true;
        return;
      }
      s.ids.forEach((id, idIndex) => {
        if (!idMatches(id.pattern, d.id)) return;
        used.add(`${index}:${idIndex}`);
        suppressed = true;
      });
    });
    if (!suppressed) kept.push(d);
  }
  suppressions.forEach((s, index) => {
    const where = s.scope === 'file' ? 'in this file' : 'on the next line';
    const directive = s.scope === 'file' ? 'rulecheck-disable' : 'rulecheck-disable-next-line';
    if (s.ids.length === 0) {
      if (!used.has(`${index}`)) kept.push(unused(source, s.span, `\`${directive}\` suppresses nothing: no diagnostic ${where}.`));
      return;
    }
    s.ids.forEach((id, idIndex) => {
      if (used.has(`${index}:${idIndex}`)) return;
      kept.push(unused(source, id.span, `Suppression of \`${id.pattern}\` is unused: no such diagnostic ${where}.`));
    });
  });
  return kept;
}

function unused(source: SourceFile, span: Span, message: string): Diagnostic {
  return {
    id: UNUSED_ID,
    severity: 'warning',
    message,
    file: source.path,
    span,
    hint: 'Remove the suppression, or correct the id (ids are printed with every diagnostic).',
  };
}
