import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { boundedBacktrackingRegex } from './regex-bounded.js';
import { compileSigmaRegex, type RegexAnchor } from './regex.js';

const PLAIN = { ignoreCase: false, multiline: false, dotAll: false };

describe('boundedBacktrackingRegex', () => {
  it.each([
    // SigmaHQ patterns that are plain sequences with forced repetition counts.
    ['\\\\[a-zA-Z0-9]{1,32}\\.[a-zA-Z0-9]{1,6}\\.[ "\']{1}', true],
    ['\\s[a-fA-F0-9]{64}\\s[a-fA-F0-9]{16}', true],
    ['^abc$', true],
    ['a\\.b?c', true],
    ['[^\\]x]y{2}', true],
    // Unbounded, nested, grouped or ambiguous repetition: the linear-time engine.
    ['(a+)+$', false],
    ['a*b', false],
    ['a+b', false],
    ['a{2,}b', false],
    ['[ab]{1,5}[bc]{1,5}', false],
    ['a{0,3}b?a', false],
    ['(?:ab)', false],
    ['a|b', false],
    ['a{1,65}', false],
    ['\\bword', false],
    ['\\x41', false],
    ['[[:alpha:]]', false],
    ['a{1,3}?', false],
    ['[\\x{fffd}]', false],
    ['.{64}.{64}.{64}.{64}.', false],
  ])('%j admitted: %j', (source, admitted) => {
    expect(boundedBacktrackingRegex(source, PLAIN, 'none') !== undefined).toBe(admitted);
  });

  it('turns down case-insensitive and multi-line patterns', () => {
    expect(boundedBacktrackingRegex('abc', { ...PLAIN, ignoreCase: true }, 'none')).toBeUndefined();
    expect(boundedBacktrackingRegex('^abc', { ...PLAIN, multiline: true }, 'none')).toBeUndefined();
  });

  it('finds what re2js finds (generated sequences, anchors and texts with newlines, astral characters and lone surrogates)', () => {
    const atom = fc.constantFrom('a', 'b', '.', '[ab]', '[^a]', '[a-c]', '[^\\n]', '\\d', '\\D', '\\w', '\\W', '\\s', '\\S', '\\.', '\\\\', '😀', '[😀x]', '\\n', '-', '[-a]', '[]a]');
    const quantifier = fc.constantFrom('', '', '?', '{2}', '{0,2}', '{1,3}');
    const pattern = fc
      .tuple(fc.boolean(), fc.array(fc.tuple(atom, quantifier), { minLength: 1, maxLength: 5 }), fc.boolean())
      .map(([start, pieces, end]) => `${start ? '^' : ''}${pieces.map(([a, q]) => a + q).join('')}${end ? '$' : ''}`);
    const text = fc.array(fc.constantFrom('a', 'b', 'c', '1', ' ', '\n', '\t', '.', '\\', '-', ']', '😀', '\uD800', '\uFFFD', 'A', '_', '\v', '\u00a0'), { maxLength: 10 }).map((t) => t.join(''));
    const anchor = fc.constantFrom<RegexAnchor>('none', 'start', 'end', 'both');
    let admitted = 0;
    fc.assert(
      fc.property(pattern, fc.boolean(), anchor, fc.array(text, { minLength: 1, maxLength: 10 }), (source, dotAll, where, texts) => {
        const flags = { ...PLAIN, dotAll };
        const bounded = boundedBacktrackingRegex(source, flags, where);
        if (bounded === undefined) return;
        admitted++;
        const wrapped = where === 'none' ? source : where === 'start' ? `\\A(?:${source})` : where === 'end' ? `(?:${source})\\z` : `\\A(?:${source})\\z`;
        const re = RE2JS.compile(wrapped, dotAll ? RE2JS.DOTALL : 0);
        for (const t of texts) expect(bounded.test(t), `${source} on ${JSON.stringify(t)}`).toBe(re.test(t));
      }),
      { numRuns: 1000 },
    );
    expect(admitted).toBeGreaterThan(200);
  });

  it('keeps a compiled Sigma regex exact on texts beyond the V8 length cap', () => {
    const compiled = compileSigmaRegex('\\\\[a-z0-9]{1,8}\\.[a-z0-9]{1,3}\\.["\']');
    if (!compiled.ok) throw new Error(compiled.error.message);
    const long = 'x'.repeat(20_000);
    expect(compiled.regex.test(`${long} C:\\users\\abc.dat.' ${long}`)).toBe(true);
    expect(compiled.regex.test(`${long} C:\\users\\abc.dat ${long}`)).toBe(false);
    expect(compiled.regex.test(`run C:\\users\\abc.dat."`)).toBe(true);
  });
});
