import { describe, expect, it } from 'vitest';
import { MAX_TEXT } from './regex-bounded.js';
import { compileSigmaRegex, requiredRegexLiteral, translateSigmaRegex, validateSigmaRegex } from './regex.js';

function run(pattern: string, text: string, flags = {}): boolean {
  const r = compileSigmaRegex(pattern, flags);
  if (!r.ok) throw new Error(r.error.message);
  return r.regex.test(text);
}

describe('Sigma regex translation', () => {
  it.each([
    ['(?i)abc', 'abc', { ignoreCase: true, multiline: false, dotAll: false }],
    ['(?is)a.b', 'a.b', { ignoreCase: true, multiline: false, dotAll: true }],
    ['(?m)^x', '^x', { ignoreCase: false, multiline: true, dotAll: false }],
    ['(?i)(?s)a', 'a', { ignoreCase: true, multiline: false, dotAll: true }],
    ['(?P<n>a)', '(?P<n>a)', { ignoreCase: false, multiline: false, dotAll: false }],
    ['(?#note)z\\Z', 'z\\z', { ignoreCase: false, multiline: false, dotAll: false }],
    ['a{,2}b', 'a{0,2}b', { ignoreCase: false, multiline: false, dotAll: false }],
    ['\\u0041\\U0001F600', '\\x{0041}\\x{0001F600}', { ignoreCase: false, multiline: false, dotAll: false }],
    ['\\0\\101', '\\x{0}\\x{41}', { ignoreCase: false, multiline: false, dotAll: false }],
    ['[]a]', '[\\]a]', { ignoreCase: false, multiline: false, dotAll: false }],
    ['[[:x]', '[\\[:x]', { ignoreCase: false, multiline: false, dotAll: false }],
    ['(?x) a b # comment\n c', 'abc', { ignoreCase: false, multiline: false, dotAll: false }],
    ['(?a)\\d', '\\d', { ignoreCase: false, multiline: false, dotAll: false }],
    ['(?i-s:ab)', '(?i-s:ab)', { ignoreCase: false, multiline: false, dotAll: false }],
  ])('%j → %j', (pattern, source, flags) => {
    const r = translateSigmaRegex(pattern);
    expect(r.ok && r.regex).toMatchObject({ source, flags });
  });

  it.each([
    ['a(?=b)', 1, /Lookahead/],
    ['a(?!b)', 1, /Lookahead/],
    ['(?>a)', 0, /Atomic/],
    ['(a)\\1', 3, /Backreference/],
    ['(?P<x>a)(?P=x)', 8, /Backreference/],
    ['a*+', 2, /Possessive/],
    ['a{2}+', 4, /Possessive/],
    ['x(?i)y', 1, /start of the pattern/],
    ['(?L)a', 0, /locale/],
    ['(?(1)a|b)', 0, /Conditional/],
    ['[abc', 0, /Unterminated/],
    ['abc\\', 3, /lone backslash/],
    ['\\N{DASH}', 0, /Named characters/],
    ['a(b', 0, /missing closing/],
    ['x)', undefined, /unexpected \)|unmatched/],
  ])('rejects %j at offset %j', (pattern, offset, message) => {
    const error = validateSigmaRegex(pattern);
    expect(error?.message).toMatch(message);
    if (offset !== undefined) expect(error?.offset).toBe(offset);
  });

  it('quotes at most 60 characters of a long pattern in its message', () => {
    const error = validateSigmaRegex(`x(${'A'.repeat(5000)}`);
    expect(error?.message).toBe(`Invalid regular expression: missing closing ) in \`x(${'A'.repeat(58)}…\`.`);
    expect(error?.offset).toBe(0);
  });

  it('accepts every regex of the SigmaHQ examples used in tests', () => {
    expect(validateSigmaRegex('(?i)\\s(-u|--user)\\s*:')).toBeUndefined();
    expect(validateSigmaRegex('(?<=foo)bar')).toBeUndefined();
  });
});

describe('Sigma regex matching', () => {
  it.each([
    // pattern, text, flags, expected
    ['abc', 'xxabcxx', {}, true], // unanchored search
    ['^abc$', 'xxabcxx', {}, false],
    ['ABC', 'abc', {}, false], // case-sensitive by default
    ['ABC', 'abc', { ignoreCase: true }, true],
    ['(?i)ABC', 'abc', {}, true],
    ['a.b', 'a\nb', {}, false],
    ['a.b', 'a\nb', { dotAll: true }, true],
    ['^b$', 'a\nb\nc', {}, false],
    ['^b$', 'a\nb\nc', { multiline: true }, true],
    ['(?<=foo)bar', 'foobar', {}, true],
    ['(?<=foo)bar', 'fobar', {}, false],
    ['(?<!foo)bar', 'xbar', {}, true],
    ['end\\Z', 'the end', {}, true],
    ['end\\Z', 'the end.', {}, false],
    ['(?P<word>\\w+)@', 'me@host', {}, true],
  ])('%j on %j with %j → %j', (pattern, text, flags, expected) => {
    expect(run(pattern, text, flags)).toBe(expected);
  });

  it.each([
    ['start', '^(?:ab)', 'abx', 'xab'],
    ['end', '(?:ab)$', 'xab', 'abx'],
  ] as const)('anchors with %s', (anchor, _s, yes, no) => {
    const r = compileSigmaRegex('ab', {}, anchor);
    expect(r.ok && r.regex.test(yes)).toBe(true);
    expect(r.ok && r.regex.test(no)).toBe(false);
  });

  it.each([
    ['cmd\\.exe /c', 'cmd.exe /c', true],
    ['cmd\\.exe /c', 'cmd.exe -c', false],
    ['x{3}cmd', 'xxxcmd', true],
    ['x{3}cmd', 'xxcmd', false],
  ] as const)('%j on texts longer than V8 runs it on, around %j, gives the linear engine\'s answer', (pattern, part, expected) => {
    const r = compileSigmaRegex(pattern);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.regex.boundedBacktracking).toBe(true);
    const filler = '-'.repeat(MAX_TEXT);
    for (const text of [part + filler, filler + part, filler + part + filler]) expect(r.regex.test(text)).toBe(expected);
    expect(r.regex.test(filler + filler)).toBe(false);
    expect(r.regex.test(part)).toBe(expected);
  });

  it.each([
    ['(a+)+$', 'a'.repeat(50_000) + 'b'],
    ['(a|aa)+$', 'a'.repeat(50_000) + 'b'],
    ['(a|a)*c', 'a'.repeat(50_000)],
    ['(x+x+)+y', 'x'.repeat(50_000)],
    ['^(([a-z])+.)+[A-Z]([a-z])+$', 'a'.repeat(50_000) + '!'],
    ['(.*a){12}', 'a'.repeat(20_000)],
    ['(\\w+\\s?)+$', 'word '.repeat(10_000) + '!'],
  ])('catastrophic pattern %j finishes in linear time', (pattern, text) => {
    const started = performance.now();
    const r = compileSigmaRegex(pattern);
    expect(r.ok).toBe(true);
    if (r.ok) r.regex.test(text);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});

describe('required literal of a regex (for the rule index)', () => {
  it.each([
    ['(?i)\\.exe[\\"\\\']?\\s+[^\\"]{0,64}werfaultsecure\\.exe', 'werfaultsecure.exe'],
    ['ipconfig\\s+/all', 'ipconfig'],
    ['netsh\\s+interface show interface', 'interface show interface'],
    ['arp\\s+-a', 'arp'],
    ['abcd?e', 'abc'],
    ['xy(a|b)zzzz', 'zzzz'],
    ['foo+bar', 'foo'],
    ['a|bcdef', undefined],
    ['(?x) abc', undefined],
    ['\\d+\\w', undefined],
    ['[abc]{3}de', 'de'],
    ['abc{0,2}', 'ab'],
    ['\\w+`(?:\\w+|-|.)`', '`'],
    ['\\s[a-f0-9]{64}\\s', undefined],
  ])('%j → %j', (pattern, literal) => {
    expect(requiredRegexLiteral(pattern)).toBe(literal);
  });

  it('the literal occurs in every generated match', () => {
    for (const [pattern, samples] of [
      ['ipconfig\\s+/all', ['ipconfig /all', 'IPCONFIG\t/all']],
      ['foo+bar', ['foobar', 'fooooobar']],
      ['(?i)werfault(secure)?\\.exe', ['WerFault.exe', 'werfaultsecure.exe']],
    ] as const) {
      const literal = requiredRegexLiteral(pattern)!;
      for (const s of samples) expect(s.toLowerCase()).toContain(literal.toLowerCase());
    }
  });
});
