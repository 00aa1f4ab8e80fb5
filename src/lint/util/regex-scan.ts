/**
 * A small scanner for the regular expressions Sigma rules carry (Python `re` flavour, as pySigma
 * validates them). It does not validate; it finds constructs whose support differs between engines.
 */
export type RegexTokenKind = 'escape' | 'class' | 'group' | 'close' | 'quantifier' | 'anchor' | 'dot' | 'alternation' | 'char';

export interface RegexToken {
  kind: RegexTokenKind;
  text: string;
  index: number;
}

const GROUP_PREFIX = /^\(\?(?:<=|<!|=|!|>|P<[A-Za-z_]\w*>|P=[A-Za-z_]\w*\)|<[A-Za-z_]\w*>|#[^)]*\)|\(\w+\)|[aiLmsux]+(?:-[imsx]+)?\)|[aiLmsux]*(?:-[imsx]+)?:)/;

export function scanRegex(pattern: string): RegexToken[] {
  const tokens: RegexToken[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === '\\') {
      let end = i + 2;
      const next = pattern[i + 1];
      if ((next === 'x' || next === 'p' || next === 'P' || next === 'N') && pattern[i + 2] === '{') end = Math.max(end, pattern.indexOf('}', i) + 1 || end);
      else if (next === 'Q') end = (pattern.indexOf('\\E', i) + 2 || pattern.length + 1) - 0;
      tokens.push({ kind: 'escape', text: pattern.slice(i, end), index: i });
      i = end;
    } else if (c === '[') {
      let j = i + 1;
      if (pattern[j] === '^') j++;
      if (pattern[j] === ']') j++;
      while (j < pattern.length && pattern[j] !== ']') {
        if (pattern[j] === '\\') j += 2;
        else if (pattern.startsWith('[:', j)) j = pattern.indexOf(':]', j) === -1 ? j + 1 : pattern.indexOf(':]', j) + 2;
        else j++;
      }
      tokens.push({ kind: 'class', text: pattern.slice(i, j + 1), index: i });
      i = j + 1;
    } else if (c === '(') {
      const match = pattern[i + 1] === '?' ? GROUP_PREFIX.exec(pattern.slice(i)) : null;
      const text = match ? match[0] : pattern[i + 1] === '?' ? pattern.slice(i, i + 3) : '(';
      tokens.push({ kind: 'group', text, index: i });
      i += text.length;
    } else if (c === ')') {
      tokens.push({ kind: 'close', text: ')', index: i });
      i++;
    } else if (c === '*' || c === '+' || c === '?' || (c === '{' && /^\{\d*(,\d*)?\}/.test(pattern.slice(i)))) {
      let text = c === '{' ? /^\{\d*(,\d*)?\}/.exec(pattern.slice(i))![0] : c;
      const suffix = pattern[i + text.length];
      if (suffix === '?' || suffix === '+') text += suffix;
      tokens.push({ kind: 'quantifier', text, index: i });
      i += text.length;
    } else if (c === '^' || c === '$') {
      tokens.push({ kind: 'anchor', text: c, index: i });
      i++;
    } else if (c === '.') {
      tokens.push({ kind: 'dot', text: c, index: i });
      i++;
    } else if (c === '|') {
      tokens.push({ kind: 'alternation', text: c, index: i });
      i++;
    } else {
      tokens.push({ kind: 'char', text: c, index: i });
      i++;
    }
  }
  return tokens;
}

/** Leading inline flags such as `(?i)` or `(?is)`: the flags and the length of the group. */
export function leadingInlineFlags(pattern: string): { flags: string; length: number } | undefined {
  const match = /^\(\?([imsx]+)\)/.exec(pattern);
  return match ? { flags: match[1], length: match[0].length } : undefined;
}
