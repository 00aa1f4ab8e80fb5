import type { Span } from './diagnostic.js';

/** A file as read from disk, with the line index needed to turn offsets into line:column. */
export class SourceFile {
  private lineStarts: number[] | undefined;
  private lastLine = 0;

  constructor(
    /** Path relative to the working directory, forward slashes (what diagnostics print). */
    readonly path: string,
    readonly absPath: string,
    readonly text: string,
  ) {}

  private starts(): number[] {
    if (!this.lineStarts) {
      const starts = [0];
      const text = this.text;
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
      this.lineStarts = starts;
    }
    return this.lineStarts;
  }

  /** 1-based line and column of a 0-based offset. */
  position(offset: number): { line: number; column: number } {
    const index = this.lineIndex(offset);
    return { line: index + 1, column: offset - this.starts()[index] + 1 };
  }

  span(offset: number, endOffset: number = offset): Span {
    const starts = this.starts();
    const end = Math.max(offset, endOffset);
    const startLine = this.lineIndex(offset);
    const endLine = this.lineIndex(end);
    return {
      line: startLine + 1,
      column: offset - starts[startLine] + 1,
      endLine: endLine + 1,
      endColumn: end - starts[endLine] + 1,
      offset,
      endOffset,
    };
  }

  /** 0-based line index of an offset. Offsets usually arrive in file order, so the line found last is tried first. */
  private lineIndex(offset: number): number {
    const starts = this.starts();
    const hint = this.lastLine;
    if (offset >= starts[hint] && (hint + 1 >= starts.length || offset < starts[hint + 1])) return hint;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    this.lastLine = lo;
    return lo;
  }

  /** The span of one whole line (1-based), without its line break. */
  lineSpan(line: number): Span {
    const start = this.starts()[line - 1] ?? this.text.length;
    return this.span(start, start + this.lineText(line).length);
  }

  /** The text of one line (1-based), without its line break. */
  lineText(line: number): string {
    const starts = this.starts();
    const start = starts[line - 1] ?? this.text.length;
    const next = starts[line] ?? this.text.length + 1;
    return this.text.slice(start, next - 1).replace(/\r$/, '');
  }
}
