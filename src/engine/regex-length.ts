/**
 * The fewest characters (UTF-16 code units) a match of an RE2 pattern can span: a text shorter than that
 * cannot match, so the regex need not run (`.{1000,}`, or a hash of 64 hex digits, on a short command line).
 *
 * A lower bound, never more than the truth: every character-matching atom counts one unit (a code point is
 * one or two), zero-width ones (anchors, `\b`, lookarounds, flag groups) none, an alternation its shortest
 * branch, a repetition its minimum count. Anything not understood counts 0, which only makes the bound weaker.
 */
export function minimumMatchLength(source: string): number {
  const parser = new LengthParser(source);
  const length = parser.alternation();
  // Unbalanced input (a stray `)`) would leave text unread: no bound is claimed then.
  return parser.done() ? length : 0;
}

const REPEAT = /^\{(\d+)(?:,(\d*))?\}/;

class LengthParser {
  private i = 0;
  /** Characters of `\Q…\E` text before its last one, which alone a quantifier after it repeats. */
  private quotedPrefix = 0;

  constructor(private readonly s: string) {}

  done(): boolean {
    return this.i === this.s.length;
  }

  /** branch ('|' branch)* → the shortest branch. */
  alternation(): number {
    let shortest = this.sequence();
    while (this.s[this.i] === '|') {
      this.i++;
      shortest = Math.min(shortest, this.sequence());
    }
    return shortest;
  }

  private sequence(): number {
    let total = 0;
    while (this.i < this.s.length && this.s[this.i] !== '|' && this.s[this.i] !== ')') {
      const atom = this.atom();
      const prefix = this.quotedPrefix;
      this.quotedPrefix = 0;
      total += prefix + atom * this.repeatMinimum();
    }
    return total;
  }

  /** The minimum count of a quantifier after an atom (1 without one); a lazy `?` after it changes nothing. */
  private repeatMinimum(): number {
    const c = this.s[this.i];
    let minimum = 1;
    if (c === '*' || c === '?') {
      minimum = 0;
      this.i++;
    } else if (c === '+') this.i++;
    else if (c === '{') {
      const m = REPEAT.exec(this.s.slice(this.i));
      if (!m) return 1; // a literal brace, as RE2 reads it
      minimum = Number(m[1]);
      this.i += m[0].length;
    } else return 1;
    if (this.s[this.i] === '?') this.i++;
    return minimum;
  }

  private atom(): number {
    const c = this.s[this.i];
    switch (c) {
      case '(':
        return this.group();
      case '[':
        this.skipClass();
        return 1;
      case '\\':
        return this.escape();
      case '^':
      case '$':
        this.i++;
        return 0;
      default: {
        // A surrogate pair is one code point: one atom for a quantifier after it (counted as one unit).
        const code = this.s.charCodeAt(this.i);
        this.i += code >= 0xd800 && code <= 0xdbff && this.i + 1 < this.s.length ? 2 : 1;
        return 1;
      }
    }
  }

  private group(): number {
    const s = this.s;
    this.i++; // (
    let zeroWidth = false;
    if (s[this.i] === '?') {
      const rest = s.slice(this.i);
      const flagsOnly = /^\?[a-zA-Z-]*\)/.exec(rest);
      if (flagsOnly) {
        this.i += flagsOnly[0].length;
        return 0;
      }
      const opener = /^\?(?:P?<[A-Za-z_][A-Za-z0-9_]*>|[a-zA-Z-]*:|<?[=!])/.exec(rest);
      if (!opener) {
        this.i = s.length; // unknown group syntax: give up on a bound
        return 0;
      }
      zeroWidth = /[=!]$/.test(opener[0]);
      this.i += opener[0].length;
    }
    const inner = this.alternation();
    if (s[this.i] !== ')') {
      this.i = s.length;
      return 0;
    }
    this.i++;
    return zeroWidth ? 0 : inner;
  }

  /** From `[` to the `]` that closes the class (a `]` first in the class, escapes and `[:name:]` included). */
  private skipClass(): void {
    const s = this.s;
    this.i++;
    if (s[this.i] === '^') this.i++;
    if (s[this.i] === ']') this.i++;
    while (this.i < s.length && s[this.i] !== ']') {
      if (s[this.i] === '\\') this.i += 2;
      else if (s.startsWith('[:', this.i)) {
        const end = s.indexOf(':]', this.i + 2);
        this.i = end < 0 ? s.length : end + 2;
      } else this.i++;
    }
    this.i++;
  }

  private escape(): number {
    const s = this.s;
    const c = s[this.i + 1];
    const code = s.charCodeAt(this.i + 1);
    this.i += code >= 0xd800 && code <= 0xdbff ? 3 : 2;
    switch (c) {
      case 'b':
      case 'B':
      case 'A':
      case 'z':
        return 0;
      case 'Q': {
        // Literal text up to `\E` (or the end). A quantifier after it repeats its last character only
        // (`\Qab\E{2}` is `abb`): that character is the atom, the rest a fixed prefix.
        const end = s.indexOf('\\E', this.i);
        const stop = end < 0 ? s.length : end;
        const length = stop - this.i;
        const lastIsPair = length >= 2 && s.charCodeAt(stop - 1) >= 0xdc00 && s.charCodeAt(stop - 1) <= 0xdfff && s.charCodeAt(stop - 2) >= 0xd800 && s.charCodeAt(stop - 2) <= 0xdbff;
        this.i = end < 0 ? s.length : end + 2;
        if (length === 0) return 0;
        this.quotedPrefix = length - (lastIsPair ? 2 : 1);
        return 1;
      }
      case 'p':
      case 'P':
        if (s[this.i] === '{') {
          const end = s.indexOf('}', this.i);
          this.i = end < 0 ? s.length : end + 1;
        } else this.i++;
        return 1;
      case 'x':
        if (s[this.i] === '{') {
          const end = s.indexOf('}', this.i);
          this.i = end < 0 ? s.length : end + 1;
        } else this.i += 2;
        return 1;
      case undefined:
        return 0;
      default:
        // `\123`: an octal character code of up to three digits is one character.
        if (c >= '0' && c <= '7') for (let k = 0; k < 2 && s[this.i] >= '0' && s[this.i] <= '7'; k++) this.i++;
        return 1;
    }
  }
}
