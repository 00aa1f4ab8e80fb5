import { describe, expect, it } from 'vitest';
import { MAX_LENGTH, MAX_VALUES, PAUSE, RepeatMemory, WINDOW } from './repeat-memory.js';

/** Looks a value up the way the rule index does: recall, and remember on a miss. */
function visit(memory: RepeatMemory, value: string, atoms: number[]): readonly number[] | 'not kept' {
  if (!memory.takes(value)) return 'not kept';
  const known = memory.recall(value);
  if (known !== undefined) return known;
  memory.remember(value, atoms);
  return atoms;
}

describe('RepeatMemory', () => {
  it('recalls the atoms a value hit, and leaves values longer than the limit out', () => {
    const memory = new RepeatMemory();
    visit(memory, 'C:\\Windows\\cmd.exe', [1, 2]);
    expect(memory.takes('C:\\Windows\\cmd.exe')).toBe(true);
    expect(memory.recall('C:\\Windows\\cmd.exe')).toEqual([1, 2]);
    expect(memory.recall('C:\\Windows\\pwsh.exe')).toBeUndefined();
    expect(memory.takes('x'.repeat(MAX_LENGTH + 1))).toBe(false);
  });

  it('drops its oldest value when full, and keeps the others', () => {
    const memory = new RepeatMemory();
    visit(memory, 'first', [0]);
    // Each value comes twice, so the memory sees repeats and stays on while it fills and overflows by one.
    for (let i = 1; i <= MAX_VALUES; i++) {
      visit(memory, `value ${i}`, [i]);
      expect(visit(memory, `value ${i}`, [-1])).toEqual([i]);
    }
    expect(memory.recall('first')).toBeUndefined();
    expect(memory.recall('value 1')).toEqual([1]);
    expect(memory.recall(`value ${MAX_VALUES}`)).toEqual([MAX_VALUES]);
  });

  it('stops keeping values that do not repeat, and tries again after a pause', () => {
    const memory = new RepeatMemory();
    for (let i = 0; i < WINDOW; i++) expect(visit(memory, `guid ${i}`, [i])).toEqual([i]);
    expect(visit(memory, 'guid 0', [0])).toBe('not kept');
    // The pause counts every value offered; the last of them switches the memory back on.
    for (let i = 1; i < PAUSE; i++) expect(memory.takes(`guid ${i}`)).toBe(false);
    expect(memory.takes('next')).toBe(true);
    expect(memory.recall('guid 0')).toBeUndefined();
  });
});
