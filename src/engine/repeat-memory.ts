/**
 * Field values repeat from event to event (image paths, users, parent processes, service command lines): the
 * rule index keeps, per field, the atoms each value hit, for values up to `MAX_LENGTH` characters and at most
 * `MAX_VALUES` of them (then the oldest value gives way to the newest; clearing all at once would lose the
 * values that recur most). A repeat saves a whole lookup (for a command line, a scan against thousands of
 * literals) and a miss costs one map insertion, so keeping values pays even when only some repeat: a field
 * whose values repeat in fewer than a tenth of `WINDOW` lookups (hashes, GUIDs, timestamps) stops keeping
 * them, and tries again after `PAUSE` lookups (a stream can change). The window is as long as the memory, so
 * that a field is not judged while its memory is still filling.
 */
export const MAX_LENGTH = 512;
export const MAX_VALUES = 8192;
export const WINDOW = MAX_VALUES;
export const PAUSE = 4 * WINDOW;

export class RepeatMemory {
  /** Values seen before → the atoms they hit; undefined while the field's values prove too varied to repeat. */
  private values: Map<string, readonly number[]> | undefined = new Map();
  /** The values in `values`, oldest first from `next` once it is full (the next one to go). */
  private order: string[] = [];
  private next = 0;
  private lookups = 0;
  private hits = 0;
  /** While off: lookups left before the memory tries keeping values again. */
  private pause = 0;

  /** Whether `value` goes through the memory (`recall`, then `remember` on a miss); counts down a pause. */
  takes(value: string): boolean {
    if (this.values === undefined) {
      if (--this.pause === 0) this.values = new Map();
      return false;
    }
    return value.length <= MAX_LENGTH;
  }

  /** The atoms `value` hit when last looked up, or undefined; judges, every `WINDOW` lookups, whether to go on. */
  recall(value: string): readonly number[] | undefined {
    const values = this.values!;
    const known = values.get(value);
    if (known !== undefined) this.hits++;
    if (++this.lookups === WINDOW) {
      const repeating = this.hits >= WINDOW / 10;
      this.lookups = this.hits = 0;
      if (!repeating) {
        this.values = undefined;
        this.order = [];
        this.next = 0;
        this.pause = PAUSE;
      }
    }
    return known;
  }

  /** Keeps the atoms a value hit, after a `recall` that missed (a no-op if that recall switched the memory off). */
  remember(value: string, atoms: readonly number[]): void {
    const values = this.values;
    if (values === undefined) return;
    if (this.order.length < MAX_VALUES) this.order.push(value);
    else {
      values.delete(this.order[this.next]);
      this.order[this.next] = value;
      this.next = (this.next + 1) % MAX_VALUES;
    }
    values.set(value, atoms);
  }
}
