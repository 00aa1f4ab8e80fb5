import type { RegexAnchor, RegexFlags } from './regex.js';

/**
 * V8's RegExp runs simple patterns several times faster than the linear-time engine, but it backtracks, and
 * patterns come from pull requests while texts come from attackers. This module admits a pattern to V8 only
 * when its backtracking is provably small: a plain sequence of characters and classes, each repeated a
 * bounded number of times (`?`, `{n}`, `{n,m}`), where a repeated item can never match the characters that
 * may follow it (so at each start position the repetition counts are forced by the text and a failed attempt
 * costs at most the sum of the repetition ranges). Together with a cap on text length, a test costs at most
 * `MAX_TEXT × MAX_SPAN` steps. Everything else (groups, alternation, `*`, `+`, case-insensitivity, Unicode
 * properties…) stays on the linear-time engine.
 *
 * The V8 pattern is written with the `u` flag (code points, as RE2 matches) and with RE2's own meaning of
 * `.`, `\s`, `\d` and `\w` spelled out as classes.
 */

/** Texts longer than this are tested by the linear-time engine. */
export const MAX_TEXT = 16_384;
/** The sum of the items' largest repetition counts: the longest a match can be. */
const MAX_SPAN = 256;
const MAX_REPEAT = 64;
const MAX_CODE_POINT = 0x10ffff;

/** Code-point ranges `[from, to]`, sorted and disjoint. */
type CharSet = [number, number][];

interface Item {
  set: CharSet;
  min: number;
  max: number;
}

const DIGIT: CharSet = [[0x30, 0x39]];
const WORD: CharSet = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
];
/** RE2's `\s`: tab, newline, form feed, carriage return and space (not vertical tab, not Unicode spaces). */
const SPACE: CharSet = [
  [0x09, 0x0a],
  [0x0c, 0x0d],
  [0x20, 0x20],
];
const NEWLINE: CharSet = [[0x0a, 0x0a]];
const ESCAPED_CONTROL: Record<string, number> = { n: 0x0a, t: 0x09, r: 0x0d, f: 0x0c, v: 0x0b };

function normalise(ranges: CharSet): CharSet {
  const sorted = [...ranges].sort((a, b) => a[0] - b[0]);
  const out: CharSet = [];
  for (const [from, to] of sorted) {
    const last = out[out.length - 1];
    if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}

function complement(set: CharSet): CharSet {
  const out: CharSet = [];
  let next = 0;
  for (const [from, to] of set) {
    if (from > next) out.push([next, from - 1]);
    next = to + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return out;
}

function disjoint(a: CharSet, b: CharSet): boolean {
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i][1] < b[j][0]) i++;
    else if (b[j][1] < a[i][0]) j++;
    else return false;
  }
  return true;
}

/**
 * Sets written by hand must not name U+FFFD or a surrogate: a text's lone surrogate is one code point to V8 and
 * may read as U+FFFD to the linear-time engine, so only sets that hold both or neither may differ in nothing.
 */
function touchesReplacement(set: CharSet): boolean {
  return set.some(([from, to]) => (from <= 0xfffd && to >= 0xfffd) || (from <= 0xdfff && to >= 0xd800));
}

function jsClass(set: CharSet): string {
  const hex = (c: number) => `\\u{${c.toString(16)}}`;
  return `[${set.map(([from, to]) => (from === to ? hex(from) : `${hex(from)}-${hex(to)}`)).join('')}]`;
}

const REPEAT = /^\{(\d+)(?:,(\d+))?\}/;

class SequenceParser {
  private i = 0;
  readonly items: Item[] = [];
  startAnchor = false;
  endAnchor = false;

  constructor(
    private readonly s: string,
    private readonly dotAll: boolean,
  ) {}

  /** False when the source is outside the admitted subset. */
  parse(): boolean {
    const s = this.s;
    if (s.startsWith('^')) {
      this.startAnchor = true;
      this.i = 1;
    }
    while (this.i < s.length) {
      if (s[this.i] === '$' && this.i === s.length - 1) {
        this.endAnchor = true;
        this.i++;
        break;
      }
      const set = this.atom();
      if (set === undefined) return false;
      const repeat = this.repeat();
      if (repeat === undefined) return false;
      this.items.push({ set, min: repeat[0], max: repeat[1] });
    }
    return true;
  }

  private codePoint(): number {
    const c = this.s.codePointAt(this.i)!;
    this.i += c > 0xffff ? 2 : 1;
    return c;
  }

  private atom(): CharSet | undefined {
    const s = this.s;
    const c = s[this.i];
    if (c === '.') {
      this.i++;
      return this.dotAll ? [[0, MAX_CODE_POINT]] : complement(NEWLINE);
    }
    if (c === '[') return this.charClass();
    if (c === '\\') return this.escape();
    if ('()|*+?{}^$]'.includes(c)) return undefined;
    const code = this.codePoint();
    const set: CharSet = [[code, code]];
    return touchesReplacement(set) ? undefined : set;
  }

  /** `\d` `\D` `\w` `\W` `\s` `\S`, control escapes, or an escaped punctuation character. */
  private escape(inClass = false): CharSet | undefined {
    const c = this.s[this.i + 1];
    if (c === undefined) return undefined;
    this.i += 2;
    switch (c) {
      case 'd':
        return DIGIT;
      case 'w':
        return WORD;
      case 's':
        return SPACE;
      case 'D':
        return inClass ? undefined : complement(DIGIT);
      case 'W':
        return inClass ? undefined : complement(WORD);
      case 'S':
        return inClass ? undefined : complement(SPACE);
    }
    if (c in ESCAPED_CONTROL) return [[ESCAPED_CONTROL[c], ESCAPED_CONTROL[c]]];
    const code = c.charCodeAt(0);
    // Escaped ASCII punctuation is the character itself; letters and digits are other escapes (\b, \x, \p, \1…).
    if (code < 0x80 && !/[0-9A-Za-z]/.test(c) && code >= 0x20) return [[code, code]];
    return undefined;
  }

  private charClass(): CharSet | undefined {
    const s = this.s;
    this.i++;
    let negated = false;
    if (s[this.i] === '^') {
      negated = true;
      this.i++;
    }
    const ranges: CharSet = [];
    let first = true;
    while (this.i < s.length && (s[this.i] !== ']' || first)) {
      first = false;
      if (s.startsWith('[:', this.i)) return undefined;
      let from: number;
      if (s[this.i] === '\\') {
        const escaped = this.escape(true);
        if (escaped === undefined) return undefined;
        if (escaped.length !== 1 || escaped[0][0] !== escaped[0][1]) {
          ranges.push(...escaped);
          continue;
        }
        from = escaped[0][0];
      } else from = this.codePoint();
      let to = from;
      if (s[this.i] === '-' && this.i + 1 < s.length && s[this.i + 1] !== ']') {
        this.i++;
        if (s[this.i] === '\\') {
          const escaped = this.escape(true);
          if (escaped === undefined || escaped.length !== 1 || escaped[0][0] !== escaped[0][1]) return undefined;
          to = escaped[0][0];
        } else to = this.codePoint();
        if (to < from) return undefined;
      }
      ranges.push([from, to]);
    }
    if (s[this.i] !== ']') return undefined;
    this.i++;
    const set = normalise(ranges);
    if (touchesReplacement(set)) return undefined;
    return negated ? complement(set) : set;
  }

  private repeat(): [number, number] | undefined {
    const s = this.s;
    const c = s[this.i];
    let range: [number, number] = [1, 1];
    if (c === '?') {
      range = [0, 1];
      this.i++;
    } else if (c === '{') {
      const m = REPEAT.exec(s.slice(this.i));
      if (!m) return undefined;
      const min = Number(m[1]);
      const max = m[2] === undefined ? min : Number(m[2]);
      if (max < min || max > MAX_REPEAT) return undefined;
      range = [min, max];
      this.i += m[0].length;
    } else if (c === '*' || c === '+') return undefined;
    // A lazy or further quantifier is outside the subset.
    const next = s[this.i];
    if (next === '?' || next === '*' || next === '+' || next === '{') return undefined;
    return range;
  }
}

/** Whether every repeated item is disjoint from each item that may come right after it. */
function forcedCounts(items: readonly Item[]): boolean {
  for (let i = 0; i < items.length; i++) {
    if (items[i].min === items[i].max) continue;
    for (let j = i + 1; j < items.length; j++) {
      if (!disjoint(items[i].set, items[j].set)) return false;
      if (items[j].min > 0) break;
    }
  }
  return true;
}

/**
 * A V8 RegExp that finds exactly what the RE2 `source` finds, when the pattern is in the admitted subset
 * (see above) with these flags and anchoring; undefined otherwise.
 */
export function boundedBacktrackingRegex(source: string, flags: Required<RegexFlags>, anchor: RegexAnchor): RegExp | undefined {
  if (flags.ignoreCase || flags.multiline) return undefined;
  const parser = new SequenceParser(source, flags.dotAll);
  if (!parser.parse() || parser.items.length === 0) return undefined;
  const items = parser.items;
  if (items.reduce((sum, item) => sum + item.max, 0) > MAX_SPAN || !forcedCounts(items)) return undefined;
  const body = items.map((item) => jsClass(item.set) + (item.min === 1 && item.max === 1 ? '' : `{${item.min},${item.max}}`)).join('');
  const start = parser.startAnchor || anchor === 'start' || anchor === 'both' ? '^' : '';
  const end = parser.endAnchor || anchor === 'end' || anchor === 'both' ? '$' : '';
  return new RegExp(`${start}${body}${end}`, 'u');
}
