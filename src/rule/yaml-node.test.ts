import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { scalarText, utcDay } from './yaml-node.js';

describe('utcDay', () => {
  it('writes what toISOString().slice(0, 10) writes, for every date toISOString accepts', () => {
    fc.assert(
      fc.property(fc.date({ noInvalidDate: true }), (date) => {
        expect(utcDay(date)).toBe(date.toISOString().slice(0, 10));
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['the first day of year 0', Date.UTC(0, 0, 1)],
    ['a year below 1000', Date.UTC(999, 11, 31, 23, 59, 59)],
    ['a date before 1970', Date.UTC(1969, 6, 20)],
    ['a year after 9999', Date.UTC(10_000, 0, 1)],
    ['a negative year', Date.UTC(-1, 0, 1)],
  ])('%s', (_, time) => {
    const date = new Date(time);
    expect(utcDay(date)).toBe(date.toISOString().slice(0, 10));
  });

  it('throws on an invalid date, as toISOString does', () => {
    expect(() => utcDay(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe('scalarText', () => {
  it.each([
    [new Date(Date.UTC(2024, 0, 5)), '2024-01-05'],
    [42, '42'],
    [true, 'true'],
    [null, 'null'],
    ['text', 'text'],
  ])('%s', (value, expected) => {
    expect(scalarText(value)).toBe(expected);
  });
});
