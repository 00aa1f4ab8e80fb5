/**
 * Whether a translated regex source keeps to plain syntax that both regex engines of the rule engine (RE2, through
 * re2js, and V8) accept: literals, escaped punctuation, the class escapes `\d \s \w` (and their negations), `\n \r
 * \t \f \v`, `\b \B`, simple character classes, groups `( )` and `(?: )`, alternation, `^ $ .`, and the quantifiers
 * `* + ?` (lazy too) and `{n}`, `{n,}`, `{n,m}` with nested counts multiplying to at most 1000 (RE2's limit).
 *
 * The loader validates every `re` value; compiling one with re2js costs about 0.2 ms, while most SigmaHQ patterns
 * are plain. A plain pattern is known valid without that compile; anything else (backreferences, lookarounds,
 * `\u` escapes, POSIX classes, lone braces…) still goes through the compiler, which says what is wrong. So this
 * check may answer "not plain" for a valid pattern, never "plain" for one either engine rejects (a property test
 * holds it to re2js and V8 on generated patterns).
 */

const CLASS_ESCAPES = 'dDsSwW';
const CONTROL_ESCAPES = 'nrtfv';
/** RE2's limit on the product of nested repetition counts (`(a{100}){11}` is rejected). */
const MAX_REPEAT = 1000;

/** ASCII punctuation: RE2 and V8 both read `\` before it as the character itself. */
function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

/** What came before the current position, for deciding whether a quantifier has something to repeat. */
type Previous = 'nothing' | 'atom' | 'group' | 'quantifier' | 'lazy' | 'assertion';

export function isPlainRegex(source: string): boolean {
  // Per open group: the largest product of counted repetitions inside it.
  const groupRepeat: number[] = [1];
  let previous: Previous = 'nothing';
  let closedGroupRepeat = 1;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    switch (c) {
      case '\\': {
        const e = source[++i];
        if (e === undefined) return false;
        if (CLASS_ESCAPES.includes(e) || CONTROL_ESCAPES.includes(e) || isPunctuation(e.charCodeAt(0))) previous = 'atom';
        else if (e === 'b' || e === 'B') previous = 'assertion';
        else return false;
        break;
      }
      case '[': {
        const end = plainClassEnd(source, i);
        if (end < 0) return false;
        i = end;
        previous = 'atom';
        break;
      }
      case '(':
        if (source[i + 1] === '?') {
          if (source[i + 2] !== ':') return false;
          i += 2;
        }
        groupRepeat.push(1);
        previous = 'nothing';
        break;
      case ')':
        if (groupRepeat.length === 1) return false;
        closedGroupRepeat = groupRepeat.pop()!;
        raise(groupRepeat, closedGroupRepeat);
        previous = 'group';
        break;
      case '|':
        previous = 'nothing';
        break;
      case '*':
      case '+':
      case '?':
        if (c === '?' && previous === 'quantifier') previous = 'lazy';
        else if (previous === 'atom' || previous === 'group') previous = 'quantifier';
        else return false;
        break;
      case '{': {
        const repeat = /^\{(\d{1,4})(?:(,)(\d{1,4})?)?\}/.exec(source.slice(i, i + 12));
        if (!repeat || (previous !== 'atom' && previous !== 'group')) return false;
        const low = Number(repeat[1]);
        const high = repeat[3] === undefined ? low : Number(repeat[3]);
        if (high < low) return false;
        const product = Math.max(low, high) * (previous === 'group' ? closedGroupRepeat : 1);
        if (product > MAX_REPEAT) return false;
        raise(groupRepeat, product);
        i += repeat[0].length - 1;
        previous = 'quantifier';
        break;
      }
      case '}':
      case ']':
        return false;
      case '^':
      case '$':
        previous = 'assertion';
        break;
      default:
        previous = 'atom';
    }
  }
  if (groupRepeat.length !== 1) return false;
  try {
    new RegExp(source);
  } catch {
    return false;
  }
  return true;
}

function raise(groupRepeat: number[], product: number): void {
  const top = groupRepeat.length - 1;
  if (product > groupRepeat[top]) groupRepeat[top] = product;
}

/**
 * The offset of the `]` closing a plain class that opens at `start`, or -1: single characters, escaped punctuation,
 * `\d \s \w` and their negations, `\n \r \t \f \v`, and ranges between two single characters in ascending order.
 */
function plainClassEnd(source: string, start: number): number {
  let i = start + 1;
  if (source[i] === '^') i++;
  let items = 0;
  /** The last single character, which a `-` may start a range from. */
  let rangeStart: number | undefined;
  let inRange = false;
  for (; i < source.length; i++) {
    const c = source[i];
    if (c === ']' && items > 0 && !inRange) return i;
    // Surrogates: V8 reads a class by UTF-16 units, RE2 by code points.
    if (c === '[' || c === ']' || (c >= '\ud800' && c <= '\udfff')) return -1;
    let single: number | undefined;
    if (c === '\\') {
      const e = source[++i];
      if (e === undefined) return -1;
      if (isPunctuation(e.charCodeAt(0))) single = e.charCodeAt(0);
      else if (!CLASS_ESCAPES.includes(e) && !CONTROL_ESCAPES.includes(e)) return -1;
    } else if (c === '-' && items > 0 && source[i + 1] !== ']') {
      if (rangeStart === undefined || inRange) return -1;
      inRange = true;
      items++;
      continue;
    } else single = c.codePointAt(0)!;
    if (inRange) {
      if (single === undefined || single < rangeStart!) return -1;
      inRange = false;
      rangeStart = undefined;
    } else rangeStart = single;
    items++;
  }
  return -1;
}
