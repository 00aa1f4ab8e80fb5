/**
 * The one diagnostic object every stage produces and every reporter prints.
 * Lines and columns are 1-based; columns count UTF-16 code units, as editors and SARIF do.
 */
export type Severity = 'error' | 'warning' | 'info';

export interface Span {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 0-based character offsets into the file text; end is exclusive. */
  offset: number;
  endOffset: number;
}

export interface Diagnostic {
  /** Stable id, `<area>/<name>`, e.g. `yaml/duplicate-key`, `coverage/unknown-field`. */
  id: string;
  severity: Severity;
  /** One sentence a person would write. Backticks around code. */
  message: string;
  /** Path relative to the working directory, forward slashes. */
  file: string;
  span: Span;
  hint?: string;
  /** Optional machine-applicable fix: replace [offset, endOffset) of the file with `text`. */
  fix?: TextEdit[];
}

export interface TextEdit {
  offset: number;
  endOffset: number;
  text: string;
}

/** A span covering the start of a file; used when nothing more precise exists (e.g. unreadable file). */
export const FILE_START: Span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  if (a.span.offset !== b.span.offset) return a.span.offset - b.span.offset;
  if (a.span.endOffset !== b.span.endOffset) return a.span.endOffset - b.span.endOffset;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}
