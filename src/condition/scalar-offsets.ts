import type { ScalarStyle } from '../rule/yaml-node.js';

/**
 * A YAML scalar's value decoded from its source text, remembering where each character of the value came from:
 * `starts[i]`/`ends[i]` are the offsets (inside the source) of the text that produced value character `i`.
 * An escape such as `\t` or `''` produces one character from two; a folded line break produces a space from
 * the break and the indentation around it.
 */
export interface DecodedScalar {
  value: string;
  starts: number[];
  ends: number[];
}

class Builder {
  value = '';
  starts: number[] = [];
  ends: number[] = [];
  /** Characters before this index may not be removed as trailing whitespace (escapes, quoted content). */
  kept = 0;

  push(text: string, start: number, end: number): void {
    for (let i = 0; i < text.length; i++) {
      this.value += text[i];
      this.starts.push(start);
      this.ends.push(end);
    }
  }

  /** Removes spaces and tabs at the end of the line just read (YAML drops them when it folds a line). */
  trimTrailingBlanks(): void {
    let length = this.value.length;
    while (length > this.kept && (this.value[length - 1] === ' ' || this.value[length - 1] === '\t')) length--;
    this.value = this.value.slice(0, length);
    this.starts.length = length;
    this.ends.length = length;
  }

  result(): DecodedScalar {
    return { value: this.value, starts: this.starts, ends: this.ends };
  }
}

const SIMPLE_ESCAPES: Record<string, string> = {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  '\t': '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
};
const HEX_ESCAPES: Record<string, number> = { x: 2, u: 4, U: 8 };

function isBreak(c: string | undefined): boolean {
  return c === '\n' || c === '\r';
}

function isBlank(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

/** Offset just past the line break at `i` (`\n`, `\r\n` or `\r`). */
function skipBreak(text: string, i: number): number {
  if (text[i] === '\r' && text[i + 1] === '\n') return i + 2;
  return i + 1;
}

/** Plain, single-quoted and double-quoted scalars: escapes and line folding. */
function decodeFlow(source: string, style: 'plain' | 'single' | 'double'): DecodedScalar {
  const quoted = style !== 'plain';
  const begin = quoted ? 1 : 0;
  const finish = quoted && source.length >= 2 ? source.length - 1 : source.length;
  const out = new Builder();
  let i = begin;
  while (i < finish) {
    const c = source[i];
    if (isBreak(c)) {
      out.trimTrailingBlanks();
      const breakStart = i;
      i = skipBreak(source, i);
      while (isBlank(source[i])) i++;
      let emptyLines = 0;
      while (i < finish && isBreak(source[i])) {
        const lineBreak = i;
        i = skipBreak(source, i);
        emptyLines++;
        out.push('\n', lineBreak, i);
        while (isBlank(source[i])) i++;
      }
      if (emptyLines === 0) out.push(' ', breakStart, i);
      out.kept = out.value.length;
      continue;
    }
    if (style === 'single' && c === "'" && source[i + 1] === "'") {
      out.push("'", i, i + 2);
      i += 2;
      out.kept = out.value.length;
      continue;
    }
    if (style === 'double' && c === '\\') {
      const next = source[i + 1];
      if (isBreak(next)) {
        // An escaped line break joins the lines without a space, keeping the blanks before the backslash.
        out.kept = out.value.length;
        i = skipBreak(source, i + 1);
        while (isBlank(source[i])) i++;
        continue;
      }
      const simple = next === undefined ? undefined : SIMPLE_ESCAPES[next];
      if (simple !== undefined) {
        out.push(simple, i, i + 2);
        i += 2;
      } else if (next !== undefined && HEX_ESCAPES[next]) {
        const digits = HEX_ESCAPES[next];
        const hex = source.slice(i + 2, i + 2 + digits);
        const code = /^[0-9a-fA-F]+$/.test(hex) && hex.length === digits ? Number.parseInt(hex, 16) : Number.NaN;
        const text = Number.isNaN(code) || code > 0x10ffff ? source.slice(i, i + 2 + digits) : String.fromCodePoint(code);
        out.push(text, i, i + 2 + digits);
        i += 2 + digits;
      } else {
        out.push(c, i, i + 1);
        i++;
      }
      out.kept = out.value.length;
      continue;
    }
    out.push(c, i, i + 1);
    if (!isBlank(c)) out.kept = out.value.length;
    i++;
  }
  return out.result();
}

interface BlockLine {
  /** Offsets of the line's content (after the indentation) and of its end (before the line break). */
  start: number;
  end: number;
  /** Offset just past the line break (equal to `end` on a last line without one). */
  breakEnd: number;
  empty: boolean;
}

/** Literal (`|`) and folded (`>`) block scalars: indentation, folding and chomping. */
function decodeBlock(source: string, style: 'literal' | 'folded', parentIndent: number | undefined): DecodedScalar {
  let i = 0;
  let chomping = '';
  let explicitIndent: number | undefined;
  if (source[0] === '|' || source[0] === '>') {
    const header = /^[|>](?:([-+])([1-9])?|([1-9])([-+])?)?/.exec(source);
    chomping = header?.[1] ?? header?.[4] ?? '';
    const digit = header?.[2] ?? header?.[3];
    if (digit && parentIndent !== undefined) explicitIndent = parentIndent + Number(digit);
    while (i < source.length && !isBreak(source[i])) i++;
    if (i < source.length) i = skipBreak(source, i);
  }
  const raw: { start: number; end: number; breakEnd: number; empty: boolean }[] = [];
  while (i < source.length) {
    let end = i;
    while (end < source.length && !isBreak(source[end])) end++;
    const breakEnd = end < source.length ? skipBreak(source, end) : end;
    raw.push({ start: i, end, breakEnd, empty: source.slice(i, end).trim() === '' });
    i = breakEnd;
  }
  const firstContent = raw.find((line) => !line.empty);
  let indent = explicitIndent ?? 0;
  if (firstContent && explicitIndent === undefined) while (source[firstContent.start + indent] === ' ') indent++;
  const lines: BlockLine[] = raw.map((line) => ({ ...line, start: Math.min(line.start + indent, line.end) }));
  const content = lines.filter((line) => !line.empty);
  const out = new Builder();
  const newline = (line: BlockLine) => out.push('\n', line.end, line.breakEnd);
  const spaced = (line: BlockLine) => isBlank(source[line.start]);
  if (content.length === 0) return out.result();
  for (const line of lines.slice(0, lines.indexOf(content[0]))) newline(line);
  content.forEach((line, n) => {
    for (let k = line.start; k < line.end; k++) out.push(source[k], k, k + 1);
    const next = content[n + 1];
    if (!next) return;
    const between = lines.slice(lines.indexOf(line) + 1, lines.indexOf(next));
    if (style === 'folded' && !spaced(line) && !spaced(next)) {
      if (between.length === 0) out.push(' ', line.end, line.breakEnd);
    } else {
      newline(line);
    }
    between.forEach(newline);
  });
  const last = content[content.length - 1];
  if (chomping !== '-' && last.breakEnd > last.end) newline(last);
  if (chomping === '+') lines.slice(lines.indexOf(last) + 1).filter((line) => line.breakEnd > line.end).forEach(newline);
  return out.result();
}

/**
 * Decodes the source text of a scalar written in the given style. `parentIndent` (the indentation of the line the
 * scalar starts on) is needed only by block scalars with an explicit indentation indicator (`|2`); without it, the
 * indentation is read from the first non-empty line.
 */
export function decodeScalar(source: string, style: ScalarStyle, parentIndent?: number): DecodedScalar {
  if (style === 'literal' || style === 'folded') return decodeBlock(source, style, parentIndent);
  return decodeFlow(source, style);
}
