import { RE2JS } from 're2js';
import { boundedBacktrackingRegex, MAX_TEXT } from './regex-bounded.js';
import { minimumMatchLength } from './regex-length.js';
import { isPlainRegex } from './regex-plain.js';
import { shortened } from '../core/shorten.js';

/**
 * Sigma `re` values are written for Python's `re` (pySigma validates them with `re.compile`), the
 * specification describes a PCRE subset. Rules come from pull requests, so a pattern must never be able
 * to hang a run: every regex has RE2 semantics and executes on re2js, a port of RE2 whose matching time
 * is linear in the input whatever the pattern (no backtracking), except plain sequences whose backtracking is
 * bounded by their shape, which V8 runs with the same meaning (regex-bounded.ts). The price is that
 * constructs which need backtracking cannot be run; they are reported with their offset instead of being
 * approximated:
 *
 * - lookahead `(?=…)` / `(?!…)`;
 * - backreferences `\1`, `(?P=name)`;
 * - atomic groups `(?>…)` and possessive quantifiers `a*+`;
 * - conditionals `(?(1)…)`, named characters `\N{…}`, the `L` (locale) flag.
 *
 * Lookbehind `(?<=…)` / `(?<!…)` runs (re2js evaluates capture-free lookbehinds in linear time).
 *
 * Translations applied before compiling (Python → RE2):
 * - global inline flags at the start, `(?i)` `(?m)` `(?s)` `(?x)` (also combined, `(?is)`), become flags;
 *   `a` and `u` are accepted and have no effect (RE2 classes are ASCII);
 * - `(?x)` verbose patterns lose their unescaped whitespace and `#` comments;
 * - `(?#comment)` groups are removed;
 * - `\Z` → `\z`, `\uXXXX` / `\UXXXXXXXX` → `\x{…}`, octal `\0`, `\012` → `\x{…}`, `[\b]` → backspace;
 * - `{,n}` → `{0,n}`.
 * `(?P<name>…)` and `(?<name>…)` are both native RE2 syntax and need no translation.
 *
 * Known differences that remain (documented in docs/engine.md): `$` without `m` matches only at the very
 * end (Python also matches before a final newline); `\d`, `\w`, `\s`, `\b` are ASCII-only.
 */

export interface RegexFlags {
  ignoreCase?: boolean;
  multiline?: boolean;
  dotAll?: boolean;
}

/** A problem in a pattern; `offset` is a 0-based index into the pattern text as written in the rule. */
export interface RegexError {
  message: string;
  offset?: number;
}

export interface TranslatedRegex {
  /** RE2 syntax, ready for re2js. */
  source: string;
  /** Sub-modifier flags merged with the pattern's leading inline flags. */
  flags: Required<RegexFlags>;
  /** Whether the pattern uses lookbehind (needs the re2js LOOKBEHINDS mode). */
  lookbehind: boolean;
}

export type TranslateResult = { ok: true; regex: TranslatedRegex } | { ok: false; error: RegexError };

/** How a regex value is anchored after `startswith` / `endswith` (search semantics otherwise). */
export type RegexAnchor = 'none' | 'start' | 'end' | 'both';

export interface SigmaRegex {
  /** The pattern as written in the rule. */
  readonly pattern: string;
  /** The translated RE2 source actually executed. */
  readonly source: string;
  readonly flags: Required<RegexFlags>;
  /** True when texts up to `MAX_TEXT` characters run on V8's engine (bounded backtracking, see regex-bounded.ts). */
  readonly boundedBacktracking: boolean;
  /** Unanchored search: true when the pattern matches anywhere in `text`. */
  test(text: string): boolean;
}

export type CompileRegexResult = { ok: true; regex: SigmaRegex } | { ok: false; error: RegexError };

const HEX = /^[0-9a-fA-F]+$/;

function fail(message: string, offset: number): TranslateResult {
  return { ok: false, error: { message, offset } };
}

/** Translates a Python-flavoured Sigma regex into RE2 syntax, or says why it cannot run. */
export function translateSigmaRegex(pattern: string, flags: RegexFlags = {}): TranslateResult {
  const outFlags = { ignoreCase: !!flags.ignoreCase, multiline: !!flags.multiline, dotAll: !!flags.dotAll };
  let verbose = false;
  let i = 0;
  const n = pattern.length;

  // Leading global flags: `(?i)`, `(?ims)`, possibly several groups in a row.
  for (;;) {
    const m = /^\(\?([a-zA-Z]+)\)/.exec(pattern.slice(i));
    if (!m) break;
    for (const letter of m[1]) {
      switch (letter) {
        case 'i':
          outFlags.ignoreCase = true;
          break;
        case 'm':
          outFlags.multiline = true;
          break;
        case 's':
          outFlags.dotAll = true;
          break;
        case 'x':
          verbose = true;
          break;
        case 'a':
        case 'u':
          break;
        case 'L':
          return fail('The `L` (locale) flag is not supported; remove it.', i);
        default:
          return fail(`Unknown inline flag \`${letter}\` in \`${m[0]}\`.`, i);
      }
    }
    i += m[0].length;
  }

  let out = '';
  let inClass = false;
  let classStart = -1;
  let lookbehind = false;

  while (i < n) {
    const c = pattern[i];

    if (c === '\\') {
      if (i + 1 >= n) return fail('The pattern ends with a lone backslash.', i);
      const e = pattern[i + 1];
      if (e === 'u' || e === 'U') {
        const len = e === 'u' ? 4 : 8;
        const hex = pattern.slice(i + 2, i + 2 + len);
        if (hex.length !== len || !HEX.test(hex)) return fail(`Incomplete escape \`\\${e}${hex}\`.`, i);
        out += `\\x{${hex}}`;
        i += 2 + len;
        continue;
      }
      if (e === 'N') return fail('Named characters `\\N{…}` are not supported; use `\\x{…}`.', i);
      if (e >= '0' && e <= '9') {
        const octal = /^[0-7]{1,3}/.exec(pattern.slice(i + 1))?.[0] ?? '';
        if (e === '0' || octal.length === 3) {
          const digits = e === '0' ? octal.slice(0, 3) : octal;
          out += `\\x{${parseInt(digits, 8).toString(16)}}`;
          i += 1 + digits.length;
          continue;
        }
        if (inClass) return fail(`Invalid escape \`\\${e}\` inside a character class.`, i);
        return fail(
          `Backreference \`\\${e}\` cannot run on the linear-time regex engine; rewrite the pattern without it.`,
          i,
        );
      }
      if (!inClass && e === 'Z') {
        out += '\\z';
        i += 2;
        continue;
      }
      if (inClass && e === 'b') {
        out += '\\x08';
        i += 2;
        continue;
      }
      out += c + e;
      i += 2;
      continue;
    }

    if (inClass) {
      if (c === ']') inClass = false;
      // Python reads `[` inside a class as a literal (RE2 would start a POSIX class like `[:alpha:]`).
      out += c === '[' ? '\\[' : c;
      i++;
      continue;
    }

    if (verbose) {
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\v') {
        i++;
        continue;
      }
      if (c === '#') {
        while (i < n && pattern[i] !== '\n') i++;
        continue;
      }
    }

    if (c === '[') {
      inClass = true;
      classStart = i;
      out += c;
      i++;
      if (pattern[i] === '^') {
        out += '^';
        i++;
      }
      // `]` right after `[` or `[^` is a literal member, as in Python.
      if (pattern[i] === ']') {
        out += '\\]';
        i++;
      }
      continue;
    }

    if (c === '(' && pattern[i + 1] === '?') {
      const rest = pattern.slice(i + 2);
      if (rest.startsWith('#')) {
        const end = pattern.indexOf(')', i);
        if (end < 0) return fail('Unterminated comment group `(?#`.', i);
        i = end + 1;
        continue;
      }
      if (rest.startsWith('=') || rest.startsWith('!'))
        return fail(
          `Lookahead \`(?${rest[0]}\` cannot run on the linear-time regex engine; rewrite the pattern without it.`,
          i,
        );
      if (rest.startsWith('>'))
        return fail('Atomic groups `(?>` cannot run on the linear-time regex engine; use a plain group.', i);
      if (rest.startsWith('P='))
        return fail(
          'Backreference `(?P=…)` cannot run on the linear-time regex engine; rewrite the pattern without it.',
          i,
        );
      if (rest.startsWith('(')) return fail('Conditional groups `(?(…)` are not supported.', i);
      if (rest.startsWith('<=') || rest.startsWith('<!')) {
        lookbehind = true;
        out += pattern.slice(i, i + 4);
        i += 4;
        continue;
      }
      const flagGroup = /^([a-zA-Z]*)(?:-([a-zA-Z]+))?([:)])/.exec(rest);
      if (flagGroup && flagGroup[0] !== ':' && flagGroup[0] !== ')') {
        if (flagGroup[3] === ')')
          return fail(
            `Inline flags \`(?${flagGroup[1]})\` must be at the start of the pattern; use the \`i\`, \`m\` or \`s\` modifier instead.`,
            i,
          );
        const letters = flagGroup[1] + (flagGroup[2] ?? '');
        const bad = [...letters].find((l) => !'imsau'.includes(l));
        if (bad) return fail(`Inline flag \`${bad}\` is not supported in a scoped group.`, i);
        const keep = (s: string) => [...s].filter((l) => 'ims'.includes(l)).join('');
        const on = keep(flagGroup[1]);
        const off = keep(flagGroup[2] ?? '');
        out += on || off ? `(?${on}${off ? '-' + off : ''}:` : '(?:';
        i += 2 + flagGroup[0].length;
        continue;
      }
      out += '(?';
      i += 2;
      continue;
    }

    if ((c === '*' || c === '+' || c === '?' || c === '}') && pattern[i + 1] === '+') {
      // `a++`: possessive in Python 3.11+. `}+` only when the brace closes a quantifier.
      if (c !== '}' || /\{\d*(,\d*)?$/.test(pattern.slice(0, i)))
        return fail('Possessive quantifiers cannot run on the linear-time regex engine; drop the extra `+`.', i + 1);
    }

    if (c === '{') {
      const q = /^\{,(\d+)\}/.exec(pattern.slice(i));
      if (q) {
        out += `{0,${q[1]}}`;
        i += q[0].length;
        continue;
      }
    }

    out += c;
    i++;
  }

  if (inClass) return fail('Unterminated character class `[`.', classStart);
  return { ok: true, regex: { source: out, flags: outFlags, lookbehind } };
}

function anchored(source: string, anchor: RegexAnchor): string {
  switch (anchor) {
    case 'none':
      return source;
    case 'start':
      return `\\A(?:${source})`;
    case 'end':
      return `(?:${source})\\z`;
    case 'both':
      return `\\A(?:${source})\\z`;
  }
}

/** Locates an RE2 error fragment (`missing closing ): \`a(b\``) in the original pattern. */
function locateEngineError(pattern: string, error: unknown): RegexError {
  const e = error as { error?: string; input?: string; message?: string };
  const what = e.error ?? e.message ?? String(error);
  const fragment = typeof e.input === 'string' ? e.input : undefined;
  let offset: number | undefined;
  if (fragment) {
    const at = pattern.indexOf(fragment);
    if (at >= 0) offset = at;
  }
  // The fragment can be the rest of a long pattern; the diagnostic points at where it starts anyway.
  const shown = fragment && shortened(fragment, 60);
  const message = `Invalid regular expression: ${what}${shown ? ` in \`${shown}\`` : ''}.`;
  return offset === undefined ? { message } : { message, offset };
}

/**
 * Compiles a Sigma regex (as written in the rule, with its sub-modifier flags) into a linear-time matcher.
 */
export function compileSigmaRegex(
  pattern: string,
  flags: RegexFlags = {},
  anchor: RegexAnchor = 'none',
): CompileRegexResult {
  const translated = translateSigmaRegex(pattern, flags);
  if (!translated.ok) return translated;
  const { source, flags: f, lookbehind } = translated.regex;
  const bits = re2Flags(translated.regex);
  const bounded = lookbehind ? undefined : boundedBacktrackingRegex(source, f, anchor);
  // A pattern that runs on V8 needs re2js only for texts longer than MAX_TEXT: it is compiled on the first such
  // text when its syntax is plain (known to compile, regex-plain.ts), at once otherwise, to report its errors here.
  let re: RE2JS | undefined;
  if (bounded === undefined || !isPlainRegex(source)) {
    try {
      re = RE2JS.compile(anchored(source, anchor), bits);
    } catch (error) {
      return { ok: false, error: locateEngineError(pattern, error) };
    }
  }
  const minLength = minimumMatchLength(source);
  // A text shorter than any match is rejected without running the regex; simple patterns run on V8's own
  // engine when their backtracking is provably bounded (see regex-bounded.ts).
  let test: (text: string) => boolean;
  if (bounded === undefined) {
    const linear = re!;
    test = (text) => text.length >= minLength && linear.test(text);
  } else {
    test = (text) => {
      if (text.length < minLength) return false;
      if (text.length <= MAX_TEXT) return bounded.test(text);
      return (re ??= RE2JS.compile(anchored(source, anchor), bits)).test(text);
    };
  }
  return { ok: true, regex: { pattern, source, flags: f, boundedBacktracking: bounded !== undefined, test } };
}

/**
 * Load-time check of a `re` value: undefined when the pattern compiles, otherwise the problem and,
 * where known, its offset in the pattern. A pattern of plain syntax (regex-plain.ts) is known to
 * compile without compiling it.
 */
export function validateSigmaRegex(pattern: string, flags: RegexFlags = {}): RegexError | undefined {
  const translated = translateSigmaRegex(pattern, flags);
  if (!translated.ok) return translated.error;
  if (isPlainRegex(translated.regex.source)) return undefined;
  try {
    RE2JS.compile(translated.regex.source, re2Flags(translated.regex));
    return undefined;
  } catch (error) {
    return locateEngineError(pattern, error);
  }
}

/** re2js's flag bits for a translated regex. */
function re2Flags({ flags, lookbehind }: TranslatedRegex): number {
  let bits = 0;
  if (flags.ignoreCase) bits |= RE2JS.CASE_INSENSITIVE;
  if (flags.multiline) bits |= RE2JS.MULTILINE;
  if (flags.dotAll) bits |= RE2JS.DOTALL;
  if (lookbehind) bits |= RE2JS.LOOKBEHINDS;
  return bits;
}

/**
 * A literal that every match of the pattern must contain, for the rule index: the longest run of plain
 * characters at the top level (outside groups and classes, each character mandatory). Undefined when the
 * pattern has a top-level alternation, verbose mode, or no plain character at the top level.
 */
export function requiredRegexLiteral(pattern: string): string | undefined {
  let i = 0;
  const lead = /^(?:\(\?[a-zA-Z]+\))+/.exec(pattern);
  if (lead) {
    if (/x/.test(lead[0])) return undefined;
    i = lead[0].length;
  }
  let best = '';
  let run = '';
  const end = () => {
    if (run.length > best.length) best = run;
    run = '';
  };
  const n = pattern.length;
  while (i < n) {
    const c = pattern[i];
    let literal: string | undefined;
    let width = 1;
    if (c === '\\') {
      const e = pattern[i + 1];
      if (e === undefined) return undefined;
      width = 2;
      if (!/[0-9A-Za-z]/.test(e)) literal = e;
    } else if (c === '|') return undefined;
    else if (c === '(' || c === '[') {
      end();
      // Skip the whole group or class; a `|` inside a group does not affect the top level.
      let depth = 0;
      let inClass = false;
      for (; i < n; i++) {
        const d = pattern[i];
        if (d === '\\') {
          i++;
          continue;
        }
        if (inClass) {
          if (d === ']') {
            inClass = false;
            if (depth === 0) break;
          }
          continue;
        }
        if (d === '[') {
          inClass = true;
          if (pattern[i + 1] === '^') i++;
          if (pattern[i + 1] === ']') i++;
        } else if (d === '(') depth++;
        else if (d === ')') {
          depth--;
          if (depth === 0) break;
        }
      }
      i++;
      // A quantifier after a group or class: nothing to keep either way.
      continue;
    } else if (c === '{') {
      const quantifier = /^\{\d*,?\d*\}/.exec(pattern.slice(i));
      if (quantifier) {
        end();
        i += quantifier[0].length;
        continue;
      }
      literal = c;
    } else if (!'.^$*+?})'.includes(c)) literal = c;
    const next = pattern[i + width];
    const optional = next === '?' || next === '*' || (next === '{' && /^\{(0|0?,)\d*\}/.test(pattern.slice(i + width)));
    if (literal === undefined || optional) end();
    else {
      run += literal;
      if (next === '+' || next === '{') end(); // repeated: the run cannot continue across it
    }
    i += width;
  }
  end();
  // Even one character narrows the candidates when it is rare (a backtick); the index weighs it by length.
  return best.length > 0 ? best : undefined;
}
