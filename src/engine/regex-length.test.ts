import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { minimumMatchLength } from './regex-length.js';
import { compileSigmaRegex } from './regex.js';

describe('minimumMatchLength', () => {
  it.each([
    ['abc', 3],
    ['.{1000,}', 1000],
    ['\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}', 82],
    ['\\\\[a-zA-Z0-9]{1,32}\\.[a-zA-Z0-9]{1,6}\\.[ "\']{1}', 6],
    ['a*b+c?', 1],
    ['x{2}y{3,}z{0,4}', 5],
    ['a{,3}', 5], // not a repetition in RE2: the literal text `a{,3}`
    ['ab|c', 1],
    ['(?:ab|cde){2}', 4],
    ['(?P<name>abc)d', 4],
    ['(?i:abc)', 3],
    ['(?i)abc', 3],
    ['^abc$', 3],
    ['\\bword\\b', 4],
    ['\\Aabc\\z', 3],
    ['(?<=x)abc', 3],
    ['(?<!x)ab(?=c)', 2],
    ['[]a]b', 2],
    ['[^\\]x]y', 2],
    ['[[:alpha:]]+', 1],
    ['\\pL\\p{Greek}', 2],
    ['\\x41\\x{263a}', 2],
    ['\\101\\0', 2],
    ['\\Qa.b\\E', 3],
    ['\\Qab\\E{2,}', 3], // the quantifier repeats `b` only: `abb`
    ['\\Qab\\E*', 1],
    ['\\Qab\\E{2}|\\Qab\\E\\Qab\\E', 3],
    ['\\Qa😀\\E{3}', 4],
    ['x\\Q\\Ey', 2],
    ['😀?a', 1],
    ['😀{3}', 3],
    ['a+?b*?', 1],
    ['', 0],
    ['(ab', 0],
    ['ab)', 0],
  ])('%j needs at least %i characters', (source, expected) => {
    expect(minimumMatchLength(source)).toBe(expected);
  });

  it('never exceeds the length of a match re2js finds (generated patterns and texts)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '\\d', '\\s', '\\bb', '^', '$', '(?:a|bc)', '(ab|)', '(?i:A)', '😀', '\\x61', '\\Qab\\E', '(?<=a)', '(?<!b)');
    const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{0,2}', '{2,}', '*?', '+?');
    const piece = fc.tuple(atom, quantifier).map(([a, q]) => (a === '^' || a === '$' || a === '\\bb' || a.startsWith('(?<') ? a : a + q));
    const branch = fc.array(piece, { minLength: 0, maxLength: 5 }).map((p) => p.join(''));
    const pattern = fc.array(branch, { minLength: 1, maxLength: 3 }).map((b) => b.join('|'));
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '1', ' ', 'A', '😀'), { maxLength: 12 }).map((t) => t.join(''));
    fc.assert(
      fc.property(pattern, fc.array(text, { minLength: 1, maxLength: 8 }), (source, texts) => {
        const re = RE2JS.compile(source, RE2JS.LOOKBEHINDS);
        const bound = minimumMatchLength(source);
        for (const t of texts) {
          const m = re.matcher(t);
          while (m.find()) {
            expect(m.end() - m.start()).toBeGreaterThanOrEqual(bound);
            if (m.end() === m.start()) break;
          }
        }
      }),
      { numRuns: 400 },
    );
  });

  it('lets a compiled Sigma regex reject short texts and still match long ones', () => {
    const compiled = compileSigmaRegex('\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}');
    if (!compiled.ok) throw new Error(compiled.error.message);
    const hex64 = 'ab'.repeat(32);
    expect(compiled.regex.test(`jpsetup.exe ${hex64} 0123456789abcdef`)).toBe(true);
    expect(compiled.regex.test(`jpsetup.exe ${hex64.slice(2)} 0123456789abcdef`)).toBe(false);
    expect(compiled.regex.test(' 0123')).toBe(false);
  });
});
