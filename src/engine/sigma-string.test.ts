import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addWildcards,
  compileStringMatcher,
  hasWildcards,
  literalSegments,
  parseSigmaString,
  plainText,
  sigmaStringToPlain,
  type SigmaString,
  wildcardPositions,
} from './sigma-string.js';

const T = (text: string) => ({ kind: 'text', text });
const STAR = { kind: 'wildcard', wildcard: '*' };
const QM = { kind: 'wildcard', wildcard: '?' };

describe('parseSigmaString (checklist §3.3)', () => {
  it.each([
    ['C:\\Windows\\System32', [T('C:\\Windows\\System32')]],
    ['C:\\\\Windows', [T('C:\\Windows')]],
    ['a\\*b', [T('a*b')]],
    ['a\\?b', [T('a?b')]],
    ['a\\\\*b', [T('a\\'), STAR, T('b')]],
    ['a\\\\\\*b', [T('a\\*b')]],
    ['a\\\\\\b', [T('a\\\\b')]],
    ['a\\\\\\\\b', [T('a\\\\b')]],
    ['end\\', [T('end\\')]],
    ['*', [STAR]],
    ['a?c', [T('a'), QM, T('c')]],
    ['', []],
    ['%name%', [T('%name%')]],
  ])('%j', (raw, parts) => {
    expect(parseSigmaString(raw).parts).toEqual(parts);
  });

  it.each([
    ['%Admins%', [{ kind: 'placeholder', name: 'Admins' }]],
    ['x%a%*', [T('x'), { kind: 'placeholder', name: 'a' }, STAR]],
    ['\\%plain%name%', [T('%plain'), { kind: 'placeholder', name: 'name' }]],
    ['50\\%', [T('50%')]],
  ])('with placeholders: %j', (raw, parts) => {
    expect(parseSigmaString(raw, { placeholders: true }).parts).toEqual(parts);
  });

  it('prints back like pySigma str()', () => {
    expect(sigmaStringToPlain(parseSigmaString('a\\*b'))).toBe('a\\*b');
    expect(sigmaStringToPlain(parseSigmaString('C:\\\\Win*'))).toBe('C:\\Win*');
    expect(plainText(parseSigmaString('x\\*'))).toBe('x*');
    expect(plainText(parseSigmaString('x*'))).toBeUndefined();
    expect(hasWildcards(parseSigmaString('x\\?'))).toBe(false);
    expect(literalSegments(parseSigmaString('*ab*cd?e'))).toEqual(['ab', 'cd', 'e']);
  });

  it('locates live wildcards in the raw value', () => {
    expect(wildcardPositions('a*b?c')).toEqual([
      { wildcard: '*', offset: 1 },
      { wildcard: '?', offset: 3 },
    ]);
    // raw `a\*b\\?\*`: escaped `*`, an escaped backslash, then a live `?`, then an escaped `*`
    expect(wildcardPositions('a\\*b\\\\?\\*')).toEqual([{ wildcard: '?', offset: 6 }]);
  });

  it('contains does not double a wildcard', () => {
    expect(addWildcards(parseSigmaString('*x'), true, true).parts).toEqual([STAR, T('x'), STAR]);
    expect(addWildcards(parseSigmaString('x'), false, true).parts).toEqual([T('x'), STAR]);
  });
});

function matches(pattern: string, value: string, cased = false): boolean {
  const m = compileStringMatcher(parseSigmaString(pattern), cased);
  return m.test(cased ? value : value.toLowerCase());
}

describe('compileStringMatcher', () => {
  it.each([
    // pattern, value, expected, kind
    ['cmd.exe', 'CMD.EXE', true, 'equals'],
    ['cmd.exe', 'xcmd.exe', false, 'equals'],
    ['cmd*', 'CMD.exe', true, 'prefix'],
    ['*.exe', 'a.EXE', true, 'suffix'],
    ['*\\cmd.exe', 'C:\\Windows\\cmd.exe', true, 'suffix'],
    ['*tmp*', 'x/TMP/y', true, 'contains'],
    ['a*b', 'ab', true, 'prefix-suffix'],
    ['ab*ba', 'aba', false, 'prefix-suffix'],
    ['a*b*c', 'axxbyyc', true, 'segments'],
    ['a*b*c', 'acb', false, 'segments'],
    ['*a*b*', 'ba', false, 'segments'],
    ['a?c', 'abc', true, 'glob'],
    ['a?c', 'ac', false, 'glob'],
    ['a?c*', 'abcdef', true, 'glob'],
    ['*?', '', false, 'glob'],
    ['', '', true, 'equals'],
    ['', 'x', false, 'equals'],
    ['*', '', true, 'any'],
    ['a\\*b', 'a*b', true, 'equals'],
    ['a\\*b', 'axb', false, 'equals'],
    ['a\\\\*b', 'a\\xyzb', true, 'prefix-suffix'],
  ])('%j ~ %j → %j (%s)', (pattern, value, expected, kind) => {
    expect(compileStringMatcher(parseSigmaString(pattern), false).kind).toBe(kind);
    expect(matches(pattern, value)).toBe(expected);
  });

  it('cased keeps case and wildcards', () => {
    expect(matches('Cmd*', 'Cmd.exe', true)).toBe(true);
    expect(matches('Cmd*', 'cmd.exe', true)).toBe(false);
  });

  it('refuses unresolved placeholders', () => {
    expect(() => compileStringMatcher(parseSigmaString('%x%', { placeholders: true }), false)).toThrow(/placeholder/);
  });
});

/** Reference: wildcard pattern → anchored RegExp over the same parsed parts. */
function referenceMatch(s: SigmaString, value: string): boolean {
  const source = s.parts
    .map((p) =>
      p.kind === 'text'
        ? p.text.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
        : p.kind === 'wildcard'
          ? p.wildcard === '*'
            ? '[\\s\\S]*'
            : '[\\s\\S]'
          : '',
    )
    .join('');
  return new RegExp(`^${source}$`).test(value.toLowerCase());
}

describe('compiled matcher agrees with a regex reference (property)', () => {
  const alphabet = fc.constantFrom('a', 'b', 'A', '*', '?', '\\', '.', 'é');
  const textAlphabet = fc.constantFrom('a', 'b', 'A', 'B', '*', '?', '\\', '.', 'é');
  it('on generated patterns and values', () => {
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 10 }).map((a) => a.join('')),
        fc.array(textAlphabet, { maxLength: 14 }).map((a) => a.join('')),
        (pattern, value) => {
          const parsed = parseSigmaString(pattern);
          const compiled = compileStringMatcher(parsed, false);
          expect(compiled.test(value.toLowerCase())).toBe(referenceMatch(parsed, value));
        },
      ),
      { numRuns: 5000 },
    );
  });

  it('on values built to match', () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(fc.string({ maxLength: 4 }), fc.constant('*'), fc.constant('?')), { maxLength: 6 }),
        fc.array(fc.string({ maxLength: 3 }), { minLength: 6, maxLength: 6 }),
        (pieces, fillers) => {
          const pattern = pieces.map((p) => (p === '*' || p === '?' ? p : p.replace(/[*?\\]/g, '\\$&'))).join('');
          const value = pieces
            .map((p, i) => (p === '*' ? fillers[i] : p === '?' ? 'x' : p))
            .join('');
          const parsed = parseSigmaString(pattern);
          expect(compileStringMatcher(parsed, false).test(value.toLowerCase())).toBe(true);
          expect(referenceMatch(parsed, value)).toBe(true);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('wildcard-heavy patterns stay fast on long values', () => {
    const pattern = '*a*a*a*a*a*a*a*a*a*b';
    const value = 'a'.repeat(100_000);
    const started = performance.now();
    expect(matches(pattern, value)).toBe(false);
    expect(matches('*a?a?a?a?a?b', value)).toBe(false);
    expect(performance.now() - started).toBeLessThan(1000);
  });
});
