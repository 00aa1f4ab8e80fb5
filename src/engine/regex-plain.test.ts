import fc from 'fast-check';
import { RE2JS } from 're2js';
import { describe, expect, it } from 'vitest';
import { isPlainRegex } from './regex-plain.js';
import { translateSigmaRegex, validateSigmaRegex } from './regex.js';

describe('isPlainRegex', () => {
  it.each([
    ['literals and escaped punctuation', String.raw`C:\\Windows\\System32\\cmd\.exe`],
    ['class escapes and quantifiers', String.raw`\s+-enc(odedcommand)?\s+[A-Za-z0-9+/=]{20,}`],
    ['lazy quantifiers and alternation', String.raw`(?:/c|/r).+?clip(?:\.exe)?`],
    ['classes with ranges, negation and a trailing dash', String.raw`[^a-z0-9_-]`],
    ['anchors and word boundaries', String.raw`^\bpowershell\b$`],
    ['nested counts up to 1000', String.raw`(?:(?:ab){10}){100}`],
  ])('%s: plain', (_, source) => {
    expect(isPlainRegex(source)).toBe(true);
  });

  it.each([
    ['a backreference', String.raw`(a)\1`],
    ['a lookahead', String.raw`a(?=b)`],
    ['a lookbehind', String.raw`(?<=a)b`],
    ['a \\u escape (V8 only)', String.raw`\u0041`],
    ['an unknown letter escape', String.raw`\q`],
    ['a POSIX class', String.raw`[[:alpha:]]`],
    ['a lone closing bracket', String.raw`a]`],
    ['a lone brace', String.raw`a{`],
    ['a count out of order', String.raw`a{3,2}`],
    ['nested counts over 1000', String.raw`(?:a{100}){11}`],
    ['a count over 1000', String.raw`.{1001}`],
    ['a quantifier after an anchor', String.raw`^*a`],
    ['a doubled quantifier', String.raw`a**`],
    ['an unclosed group', String.raw`(ab`],
    ['a range from a class escape', String.raw`[\d-z]`],
    ['a descending range', String.raw`[z-a]`],
    ['a trailing backslash', 'ab\\'],
  ])('%s: not plain', (_, source) => {
    expect(isPlainRegex(source)).toBe(false);
  });

  it('answers "plain" only for patterns that re2js and V8 both compile', () => {
    const pieces = [
      'a', 'Z', '0', '9', '_', ' ', 'é', '/', '.', '*', '+', '?', '|', '(', ')', '(?:', '(?=', '[', '[^', ']', '^', '$', '-', '{', '}',
      ',', '{2}', '{1,3}', '{0,}', '{10}', '{100}', '{1000}', '{1001}', '{2,1}', '{,5}', '\\', '\\\\', '\\d', '\\S', '\\w', '\\b',
      '\\B', '\\n', '\\t', '\\.', '\\-', '\\]', '\\[', '\\_', '\\:', '\\1', '\\u', '\\x', '\\e', '\\p',
    ];
    let plain = 0;
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 12 }), (parts) => {
        const source = parts.join('');
        if (!isPlainRegex(source)) return;
        plain++;
        expect(() => RE2JS.compile(source)).not.toThrow();
        expect(() => new RegExp(source)).not.toThrow();
      }),
      { numRuns: 30_000 },
    );
    // The generator must reach plain patterns often enough for the property to say something.
    expect(plain).toBeGreaterThan(3_000);
  });
});

describe('validateSigmaRegex', () => {
  it('gives the same verdict with and without the plain-syntax shortcut', () => {
    const patterns = [String.raw`\s+-e(nc)?\s+`, String.raw`(?i)cmd\.exe`, String.raw`a(?=b)`, String.raw`(a)\1`, String.raw`\u0041`, String.raw`[[:alpha:]]`, 'a{1001}', '(?<=x)y', 'a)'];
    for (const pattern of patterns) {
      const translated = translateSigmaRegex(pattern);
      const compiles = (() => {
        if (!translated.ok) return false;
        try {
          RE2JS.compile(translated.regex.source, translated.regex.lookbehind ? RE2JS.LOOKBEHINDS : 0);
          return true;
        } catch {
          return false;
        }
      })();
      expect(validateSigmaRegex(pattern) === undefined, pattern).toBe(compiles);
    }
  });
});
