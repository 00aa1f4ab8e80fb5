/**
 * Sigma string values: wildcards, escapes and (with `expand`) placeholders, parsed once into parts,
 * then turned into a matcher that uses plain string operations wherever the pattern allows.
 *
 * Escaping follows pySigma's `SigmaString`: a backslash escapes only `*`, `?` and `\`; before any
 * other character it is kept together with that character, and a trailing lone backslash is literal.
 * With placeholders on (`expand`), `\%` is a literal `%` and `%name%` a placeholder.
 */

export type SigmaStringPart =
  | { kind: 'text'; text: string }
  | { kind: 'wildcard'; wildcard: '*' | '?' }
  | { kind: 'placeholder'; name: string };

export interface SigmaString {
  /** Consecutive text is merged; no empty text parts. */
  parts: SigmaStringPart[];
}

const ANY: SigmaStringPart = { kind: 'wildcard', wildcard: '*' };
const ONE: SigmaStringPart = { kind: 'wildcard', wildcard: '?' };

function pushText(parts: SigmaStringPart[], text: string): void {
  if (text === '') return;
  const last = parts[parts.length - 1];
  if (last && last.kind === 'text') parts[parts.length - 1] = { kind: 'text', text: last.text + text };
  else parts.push({ kind: 'text', text });
}

const PLACEHOLDER = /(?<!\\)%([^%]+)%/g;

function splitPlaceholders(parts: SigmaStringPart[], text: string): void {
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    pushText(parts, text.slice(last, m.index).replaceAll('\\%', '%'));
    parts.push({ kind: 'placeholder', name: m[1] });
    last = m.index! + m[0].length;
  }
  pushText(parts, text.slice(last).replaceAll('\\%', '%'));
}

/** Parses a raw (YAML-typed) string value into Sigma string parts. */
export function parseSigmaString(raw: string, options: { placeholders?: boolean } = {}): SigmaString {
  const parts: SigmaStringPart[] = [];
  let acc = '';
  const flush = () => {
    if (options.placeholders) splitPlaceholders(parts, acc);
    else pushText(parts, acc);
    acc = '';
  };
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\') {
        acc += next;
        i++;
      } else if (next === undefined) {
        acc += '\\';
      } else {
        acc += '\\' + next;
        i++;
      }
    } else if (c === '*' || c === '?') {
      flush();
      parts.push(c === '*' ? ANY : ONE);
    } else {
      acc += c;
    }
  }
  flush();
  return { parts };
}

/** A Sigma string holding only the given literal text (no wildcard interpretation). */
export function literalSigmaString(text: string): SigmaString {
  return { parts: text === '' ? [] : [{ kind: 'text', text }] };
}

export function hasWildcards(s: SigmaString): boolean {
  return s.parts.some((p) => p.kind === 'wildcard');
}

export function hasPlaceholders(s: SigmaString): boolean {
  return s.parts.some((p) => p.kind === 'placeholder');
}

/** The literal text when the string has no wildcard or placeholder. */
export function plainText(s: SigmaString): string | undefined {
  if (s.parts.length === 0) return '';
  if (s.parts.length === 1 && s.parts[0].kind === 'text') return s.parts[0].text;
  return undefined;
}

/**
 * pySigma's `str(SigmaString)`: literal `*`/`?` re-escaped, wildcards as `*`/`?`, placeholders as
 * `%name%`, backslashes as they are. This is what `base64` encodes and `windash` rewrites.
 */
export function sigmaStringToPlain(s: SigmaString): string {
  let out = '';
  for (const p of s.parts) {
    if (p.kind === 'text') out += p.text.replace(/[*?]/g, (c) => '\\' + c);
    else if (p.kind === 'wildcard') out += p.wildcard;
    else out += `%${p.name}%`;
  }
  return out;
}

/** Wraps with `*` on the requested sides, without doubling a `*` already there (pySigma `contains`). */
export function addWildcards(s: SigmaString, start: boolean, end: boolean): SigmaString {
  const parts = [...s.parts];
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (start && !(first && first.kind === 'wildcard' && first.wildcard === '*')) parts.unshift(ANY);
  if (end && !(last && last.kind === 'wildcard' && last.wildcard === '*')) parts.push(ANY);
  return { parts };
}

/** Applies a text transformation to every text part (case folding, encodings). */
export function mapText(s: SigmaString, fn: (text: string) => string): SigmaString {
  const parts: SigmaStringPart[] = [];
  for (const p of s.parts) {
    if (p.kind === 'text') pushText(parts, fn(p.text));
    else parts.push(p);
  }
  return { parts };
}

/** The literal runs of text between wildcards: every matching value contains each of them. */
export function literalSegments(s: SigmaString): string[] {
  return s.parts.filter((p): p is { kind: 'text'; text: string } => p.kind === 'text').map((p) => p.text);
}

/** How a compiled string matcher decides, from the cheapest to the most general. */
export type StringMatchKind = 'equals' | 'prefix' | 'suffix' | 'contains' | 'prefix-suffix' | 'any' | 'segments' | 'glob';

export interface StringMatcher {
  kind: StringMatchKind;
  /** Case-sensitive: `test` takes the value as is. Otherwise `test` expects the value already lowercased. */
  cased: boolean;
  test(text: string): boolean;
}

/**
 * General wildcard matching (`?` present): the pattern as code units, `null` for `*`, `''` for `?`.
 * Iterative, backtracking only to the last `*`: O(len(text) × len(pattern)) at worst, never exponential.
 */
function globTest(pattern: (string | null)[], text: string): boolean {
  let t = 0;
  let p = 0;
  let starP = -1;
  let starT = 0;
  const n = text.length;
  const m = pattern.length;
  while (t < n) {
    const pc = p < m ? pattern[p] : undefined;
    if (pc !== undefined && pc !== null && (pc === '' || pc === text[t])) {
      p++;
      t++;
    } else if (pc === null) {
      starP = p++;
      starT = t;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (p < m && pattern[p] === null) p++;
  return p === m;
}

/** `*`-only patterns: leftmost-greedy placement of each middle segment is exact. */
function segmentsTest(first: string, middle: string[], last: string, text: string): boolean {
  if (text.length < first.length + last.length) return false;
  if (!text.startsWith(first) || !text.endsWith(last)) return false;
  let pos = first.length;
  const end = text.length - last.length;
  for (const seg of middle) {
    const at = text.indexOf(seg, pos);
    if (at < 0 || at + seg.length > end) return false;
    pos = at + seg.length;
  }
  return true;
}

/** One literal, whole or at an end or anywhere: an object without closures (rules hold tens of thousands). */
export class LiteralMatcher implements StringMatcher {
  constructor(
    readonly kind: 'equals' | 'prefix' | 'suffix' | 'contains',
    readonly cased: boolean,
    /** Lowercased unless `cased`. */
    readonly text: string,
  ) {}

  test(v: string): boolean {
    switch (this.kind) {
      case 'equals':
        return v === this.text;
      case 'prefix':
        return v.startsWith(this.text);
      case 'suffix':
        return v.endsWith(this.text);
      case 'contains':
        return v.includes(this.text);
    }
  }
}

const keepCase = (text: string) => text;
const lowerCase = (text: string) => text.toLowerCase();

/**
 * Compiles a parsed Sigma string (no placeholders left) into a matcher. Literal text is lowercased here,
 * once, unless `cased`.
 */
export function compileStringMatcher(s: SigmaString, cased: boolean): StringMatcher {
  if (hasPlaceholders(s)) throw new Error('Unresolved placeholder in a string value.');
  const fold = cased ? keepCase : lowerCase;
  const parts = s.parts;
  const hasOne = parts.some((p) => p.kind === 'wildcard' && p.wildcard === '?');

  if (!hasOne) {
    // Collapse runs of `*` and look at the shape.
    const texts: (string | null)[] = [];
    for (const p of parts) {
      if (p.kind === 'text') texts.push(fold(p.text));
      else if (texts[texts.length - 1] !== null) texts.push(null);
    }
    if (texts.length === 0) return { kind: 'equals', cased, test: (v) => v === '' };
    if (texts.length === 1 && texts[0] === null) return { kind: 'any', cased, test: () => true };
    const startsWild = texts[0] === null;
    const endsWild = texts[texts.length - 1] === null;
    const lits = texts.filter((t): t is string => t !== null);
    if (lits.length === 1) return new LiteralMatcher(startsWild ? (endsWild ? 'contains' : 'suffix') : endsWild ? 'prefix' : 'equals', cased, lits[0]);
    const first = startsWild ? '' : lits[0];
    const last = endsWild ? '' : lits[lits.length - 1];
    const middle = lits.slice(startsWild ? 0 : 1, endsWild ? lits.length : lits.length - 1);
    if (middle.length === 0) {
      const min = first.length + last.length;
      return {
        kind: 'prefix-suffix',
        cased,
        test: (v) => v.length >= min && v.startsWith(first) && v.endsWith(last),
      };
    }
    return { kind: 'segments', cased, test: (v) => segmentsTest(first, middle, last, v) };
  }

  const pattern: (string | null)[] = [];
  for (const p of parts) {
    if (p.kind === 'text') for (const unit of fold(p.text).split('')) pattern.push(unit);
    else if (p.kind === 'wildcard') pattern.push(p.wildcard === '*' ? null : '');
  }
  // Every literal run must occur somewhere: a cheap `includes` rejects most values before the glob walk.
  const runs = parts.filter((p): p is { kind: 'text'; text: string } => p.kind === 'text').map((p) => fold(p.text));
  return {
    kind: 'glob',
    cased,
    test: (v) => {
      for (let i = 0; i < runs.length; i++) if (!v.includes(runs[i])) return false;
      return globTest(pattern, v);
    },
  };
}

/** A live (unescaped) wildcard and where it is in the raw value: for located lint diagnostics. */
export interface WildcardPosition {
  wildcard: '*' | '?';
  /** 0-based offset in the raw string value. */
  offset: number;
}

/** Offsets of the live wildcards of a raw Sigma string value (escaped `\*`, `\?` are skipped). */
export function wildcardPositions(raw: string): WildcardPosition[] {
  const out: WildcardPosition[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\') {
      const next = raw[i + 1];
      if (next === '*' || next === '?' || next === '\\') i++;
    } else if (c === '*' || c === '?') out.push({ wildcard: c, offset: i });
  }
  return out;
}
