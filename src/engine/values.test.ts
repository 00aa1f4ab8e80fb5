import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64Offsets } from './encodings.js';
import { toSigmaEvent } from './event.js';
import { parseCidr } from './cidr.js';
import { compileValue } from './values.js';

/**
 * Property tests: compiled value matchers against straightforward reference implementations written
 * from the specification text (not sharing code with the engine).
 */

/** Reference: Sigma string (escapes per checklist §3.3) → anchored RegExp source. */
function referenceRegex(raw: string, mods: string[]): RegExp {
  let source = '';
  for (let i = 0; i < raw.length; i++) {
    const c = raw[i];
    if (c === '\\' && (raw[i + 1] === '*' || raw[i + 1] === '?' || raw[i + 1] === '\\')) {
      source += '\\' + raw[i + 1];
      i++;
    } else if (c === '*') source += '[\\s\\S]*';
    else if (c === '?') source += '[\\s\\S]';
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  }
  const start = mods.includes('contains') || mods.includes('endswith') ? '[\\s\\S]*' : '';
  const end = mods.includes('contains') || mods.includes('startswith') ? '[\\s\\S]*' : '';
  return new RegExp(`^${start}${source}${end}$`, mods.includes('cased') ? 'u' : 'iu');
}

const ctxFor = (value: unknown) => toSigmaEvent({ f: value });

const alphabet = fc.constantFrom('a', 'B', 'c', '*', '?', '\\', ' ', '.', '-');
const raw = fc.array(alphabet, { maxLength: 8 }).map((a) => a.join(''));
const text = fc.array(fc.constantFrom('a', 'b', 'B', 'c', 'C', '*', '?', '\\', ' ', '.', '-', 'x'), { maxLength: 12 }).map((a) => a.join(''));
const mods = fc.subarray(['contains', 'startswith', 'endswith', 'cased']).filter((m) => ['contains', 'startswith', 'endswith'].filter((x) => m.includes(x)).length <= 1);

describe('value matchers vs reference implementations', () => {
  it('strings with wildcards, escapes, contains/startswith/endswith and cased', () => {
    fc.assert(
      fc.property(raw, mods, text, (pattern, modifiers, value) => {
        const [matcher] = compileValue(pattern, modifiers);
        const ctx = ctxFor(value);
        expect(matcher.test(value, ctx)).toBe(referenceRegex(pattern, modifiers).test(value));
      }),
      { numRuns: 4000 },
    );
  });

  it('values built to match a pattern do match', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.constantFrom('*', '?'), fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 5 }), fc.array(fc.string({ maxLength: 3 }), { minLength: 5, maxLength: 5 }), (pieces, fill) => {
        const pattern = pieces.map((p) => (p === '*' || p === '?' ? p : p.replace(/[*?\\]/g, '\\$&'))).join('');
        const value = pieces.map((p, i) => (p === '*' ? fill[i] : p === '?' ? 'Z' : p.toUpperCase())).join('');
        const [matcher] = compileValue(pattern, []);
        expect(matcher.test(value, ctxFor(value))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('numbers match equal numbers and their decimal text only', () => {
    fc.assert(
      fc.property(fc.integer({ min: -100000, max: 100000 }), fc.integer({ min: -100000, max: 100000 }), fc.boolean(), (rule, event, asText) => {
        const value = asText ? String(event) : event;
        const [matcher] = compileValue(rule, []);
        expect(matcher.test(value, ctxFor(value))).toBe(rule === event);
      }),
      { numRuns: 2000 },
    );
  });

  it('numeric comparisons agree with JavaScript comparison', () => {
    fc.assert(
      fc.property(fc.constantFrom('lt', 'lte', 'gt', 'gte'), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e6, max: 1e6 }), (op, rule, event) => {
        const [matcher] = compileValue(rule, [op]);
        const expected = op === 'lt' ? event < rule : op === 'lte' ? event <= rule : op === 'gt' ? event > rule : event >= rule;
        expect(matcher.test(event, ctxFor(event))).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it('IPv4 CIDR membership agrees with arithmetic on 32-bit numbers', () => {
    const octets = fc.tuple(fc.nat(255), fc.nat(255), fc.nat(255), fc.nat(255));
    fc.assert(
      fc.property(octets, fc.integer({ min: 0, max: 32 }), octets, (net, prefix, addr) => {
        const toNum = (o: number[]) => ((o[0] * 256 + o[1]) * 256 + o[2]) * 256 + o[3];
        const mask = prefix === 0 ? 0 : Math.pow(2, 32) - Math.pow(2, 32 - prefix);
        const network = toNum(net) - (toNum(net) % Math.pow(2, 32 - prefix));
        const text = `${[network >>> 24, (network >>> 16) & 255, (network >>> 8) & 255, network & 255].join('.')}/${prefix}`;
        const parsed = parseCidr(text);
        expect(parsed.ok).toBe(true);
        const address = addr.join('.');
        const inside = toNum(addr) - (toNum(addr) % Math.pow(2, 32 - prefix)) === network;
        void mask;
        const [matcher] = compileValue(text, ['cidr']);
        expect(matcher.test(address, ctxFor(address))).toBe(inside);
      }),
      { numRuns: 2000 },
    );
  });

  it('base64offset|contains finds the value at any byte offset of an encoded text', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 2, maxLength: 12 }).filter((s) => !/[*?\\]/.test(s)), fc.string({ maxLength: 6 }), fc.string({ maxLength: 6 }), (value, before, after) => {
        const encoded = Buffer.from(before + value + after, 'utf8').toString('base64');
        const [matcher] = compileValue(value, ['base64offset', 'contains']);
        expect(matcher.test(encoded, ctxFor(encoded))).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('base64offset of `abc` gives pySigma’s three variants', () => {
    expect(base64Offsets('abc', false)).toEqual(['YWJj', 'FiY', 'hYm']);
    expect(base64Offsets('a', false)).toEqual(['Y', '', 'h']); // a 1-byte value: the middle variant is empty (checklist §8.7)
  });
});
