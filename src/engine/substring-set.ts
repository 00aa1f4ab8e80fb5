/**
 * A set of substring literals, searched for in a text all at once: `forEachIn(text, hit)` reports the id of
 * every literal that occurs in the text (an id may be reported more than once). Used by the rule index for
 * `contains` literals, so that a long field value costs a fraction of one probe per character.
 *
 * Literals are placed by length. When more than `FEW` of them are shorter than 8 characters, every position
 * of the text is probed anyway, and every literal is keyed for that: 1 to 3 characters by their own
 * characters, longer ones by their rarest four-character gram. Otherwise the short ones are checked with
 * `includes`, and the others (8 characters or more, e.g. hash values) go to tiers of stride s (5 or 13; a wider stride would probe less but store more entries),
 * keyed by the s consecutive grams of a window inside the literal (the window whose grams are rarest among
 * the set's literals). The text is then probed only at every s-th position: an occurrence of a literal
 * covers s consecutive gram positions of its window, one of which is probed, so no occurrence is missed.
 * Each probe first tests a bit of its table's bitmap (`KeyFilter`), so most positions cost one typed-array
 * read before any table lookup.
 * With a few literals (`FEW`), or some (`SOME`) in a short text when every position would be probed, each is
 * checked with `includes` instead.
 */

const GRAM = 4;
/** Up to this many literals, `includes` each always beats a scan of the text. */
const FEW = 4;
/** Up to this many literals, `includes` each beats a scan of every position when literals × text length is at most `INCLUDES_BUDGET`. */
const SOME = 24;
const INCLUDES_BUDGET = 2048;
/** Tiers of long literals: minimum length and probe stride (a window of `stride` grams fits in the shortest literal). */
const TIERS = [
  { minLength: 16, stride: 13 },
  { minLength: 8, stride: 5 },
] as const;

// Small-integer keys of character codes (V8 hashes them fast); collisions only cost an extra string comparison.
// The scan in `forEachIn` computes them from a sliding window of characters, the tables from the literals.
function gram4(c0: number, c1: number, c2: number, c3: number): number {
  return ((c0 << 21) ^ (c1 << 14) ^ (c2 << 7) ^ c3) & 0x3fffffff;
}
function gram3(c0: number, c1: number, c2: number): number {
  return ((c0 << 16) ^ (c1 << 8) ^ c2) & 0x3fffffff;
}
function gram2(c0: number, c1: number): number {
  return ((c0 << 16) | c1) & 0x3fffffff;
}
function key4(text: string, i: number): number {
  return gram4(text.charCodeAt(i), text.charCodeAt(i + 1), text.charCodeAt(i + 2), text.charCodeAt(i + 3));
}
/** The bitmap slot of a gram key (`mask` is the bitmap size − 1). */
function fold(key: number, mask: number): number {
  return (key ^ (key >>> 16)) & mask;
}

/**
 * A bitmap over gram keys: bit `fold(key)` is set for every key of a table, so most positions of a text cost
 * one bit test before any table lookup. One bit per slot (not a byte) keeps the bitmaps small enough to stay
 * in the processor's cache between events.
 */
interface KeyFilter {
  words: Uint32Array;
  mask: number;
}

/** About 16 slots per key (few false passes), between 1 K and 128 K slots. */
function keyFilter(keys: Iterable<number>, count: number): KeyFilter {
  const slots = Math.min(1 << 17, Math.max(1 << 10, 2 ** Math.ceil(Math.log2(Math.max(1, count) * 16))));
  const mask = slots - 1;
  const words = new Uint32Array(slots >>> 5);
  for (const key of keys) {
    const slot = fold(key, mask);
    words[slot >>> 5] |= 1 << (slot & 31);
  }
  return { words, mask };
}

const NO_FILTER: KeyFilter = { words: new Uint32Array(1), mask: 0 };

/** Whether some key of the filter's table folds to the slot of `key` (false: the key is certainly absent). */
function mayHold(words: Uint32Array, mask: number, key: number): boolean {
  const slot = fold(key, mask);
  return (words[slot >>> 5] & (1 << (slot & 31))) !== 0;
}

/** [literal, id, offset of the keyed gram in the literal] */
type Entry = [string, number, number];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Four-character gram key → the literals keyed by it, in typed arrays: an open-addressing table, and each
 * literal's characters once in a pool (a tier keys a literal by several grams). A probe that passes the bitmap
 * then reads a few adjacent array cells instead of following a hash map, entry arrays and string objects
 * scattered over the heap.
 */
class PackedGrams {
  /** Per slot: the gram key, or -1 when the slot is empty; `first` and `count` locate its entries. */
  private readonly keys: Int32Array;
  private readonly first: Int32Array;
  private readonly count: Int32Array;
  private readonly mask: number;
  /** Slots are chosen by the high bits of a multiplicative hash (the low bits of a gram key hold only its last characters). */
  private readonly shift: number;
  /** Per entry: the literal's id, where it starts in `pool`, its length, and the offset of the keyed gram in it. */
  private readonly ids: Int32Array;
  private readonly starts: Int32Array;
  private readonly lengths: Int32Array;
  private readonly offsets: Int32Array;
  private readonly pool: Uint16Array;
  readonly size: number;

  constructor(grams: Map<number, Entry[]>) {
    this.size = grams.size;
    const bits = Math.ceil(Math.log2(Math.max(2, grams.size * 2)));
    const slots = 2 ** bits;
    this.mask = slots - 1;
    this.shift = 32 - bits;
    this.keys = new Int32Array(slots).fill(-1);
    this.first = new Int32Array(slots);
    this.count = new Int32Array(slots);
    let entries = 0;
    let chars = 0;
    const placed = new Map<string, number>();
    for (const bucket of grams.values()) {
      entries += bucket.length;
      for (const [text] of bucket)
        if (!placed.has(text)) {
          placed.set(text, chars);
          chars += text.length;
        }
    }
    this.ids = new Int32Array(entries);
    this.starts = new Int32Array(entries);
    this.lengths = new Int32Array(entries);
    this.offsets = new Int32Array(entries);
    this.pool = new Uint16Array(chars);
    for (const [text, at] of placed) for (let c = 0; c < text.length; c++) this.pool[at + c] = text.charCodeAt(c);
    let entry = 0;
    for (const [key, bucket] of grams) {
      let slot = this.slotOf(key);
      while (this.keys[slot] !== -1) slot = (slot + 1) & this.mask;
      this.keys[slot] = key;
      this.first[slot] = entry;
      this.count[slot] = bucket.length;
      for (const [text, id, offset] of bucket) {
        this.ids[entry] = id;
        this.starts[entry] = placed.get(text)!;
        this.lengths[entry] = text.length;
        this.offsets[entry] = offset;
        entry++;
      }
    }
  }

  private slotOf(key: number): number {
    return Math.imul(key, 0x9e3779b1) >>> this.shift;
  }

  /** Reports the literals keyed by `key` that occur in `text` with that gram at position `i`. */
  probe(text: string, i: number, key: number, hit: (id: number) => void): void {
    const keys = this.keys;
    const mask = this.mask;
    let slot = this.slotOf(key);
    for (;;) {
      const k = keys[slot];
      if (k === key) break;
      if (k === -1) return;
      slot = (slot + 1) & mask;
    }
    const n = text.length;
    const pool = this.pool;
    const end = this.first[slot] + this.count[slot];
    for (let e = this.first[slot]; e < end; e++) {
      const start = i - this.offsets[e];
      const length = this.lengths[e];
      if (start < 0 || start + length > n) continue;
      const p = this.starts[e];
      let j = 0;
      while (j < length && text.charCodeAt(start + j) === pool[p + j]) j++;
      if (j === length) hit(this.ids[e]);
    }
  }
}

interface Tier {
  stride: number;
  table: PackedGrams;
  filter: KeyFilter;
}

export class SubstringSet {
  /** Every literal the set was built from (for tests and statistics). */
  readonly size: number;
  /** The whole set, when small enough to check with `includes` on short texts. */
  private readonly few: [string, number][] = [];
  /** Short literals checked with `includes` when long ones are in strided tiers. */
  private readonly shortFew: [string, number][] = [];
  private readonly grams4: PackedGrams | undefined;
  private readonly grams3 = new Map<number, Entry[]>();
  private readonly grams2 = new Map<number, Entry[]>();
  private readonly grams1 = new Map<number, Entry[]>();
  /**
   * The one- and two-character literals of ASCII text by their character codes (`c` and `c0 × 128 + c1`): an
   * array read per position instead of a map lookup (common characters such as a space or a backslash are
   * literals of some rules, so these lookups succeed often). `ascii2Bits` marks the pairs in use, so that the
   * large `ascii2` array is read only when a pair is there. Other characters are looked up in the maps.
   */
  private ascii1: (Entry[] | undefined)[] = [];
  private ascii2: (Entry[] | undefined)[] = [];
  private ascii2Bits = new Uint32Array(1);
  private readonly tiers: Tier[] = [];
  /** Ids of empty literals: present in every text. */
  private readonly empty: number[] = [];
  /** False when the set is only `few` (checked with `includes`). */
  private readonly scans: boolean;
  private readonly filter4: KeyFilter = NO_FILTER;
  private readonly filter3: KeyFilter = NO_FILTER;
  private readonly perPosition: boolean;

  constructor(literals: readonly (readonly [string, number])[]) {
    this.size = literals.length;
    const rest: [string, number][] = [];
    for (const [text, id] of literals) {
      if (text.length === 0) this.empty.push(id);
      else rest.push([text, id]);
    }
    if (rest.length <= FEW) {
      this.few = rest;
      this.scans = false;
      this.perPosition = false;
      return;
    }
    this.scans = true;
    const grams4 = new Map<number, Entry[]>();
    const frequency = new Map<number, number>();
    for (const [text] of rest) for (let i = 0; i + GRAM <= text.length; i++) frequency.set(key4(text, i), (frequency.get(key4(text, i)) ?? 0) + 1);
    const tiers = TIERS.map((t) => ({ stride: t.stride, minLength: t.minLength, grams: new Map<number, Entry[]>() }));
    // A scan of every position is needed when more than a few literals are short: long literals then join it
    // (one more bucket entry costs less than another pass over the text). A few short ones are checked with
    // `includes` beside the strided tiers.
    const short = rest.filter(([text]) => text.length < TIERS[TIERS.length - 1].minLength);
    const scanEveryPosition = short.length > FEW;
    if (!scanEveryPosition) this.shortFew = short;
    // A strided scan costs a few probes per text, less than `includes` of more than `FEW` literals, however short the text.
    else if (rest.length <= SOME) this.few = rest;
    for (const [text, id] of scanEveryPosition ? rest : rest.filter(([text]) => text.length >= TIERS[TIERS.length - 1].minLength)) {
      const tier = scanEveryPosition ? undefined : tiers.find((t) => text.length >= t.minLength);
      if (tier) {
        // The window of `stride` consecutive grams whose rarest-first sum of frequencies is smallest.
        const s = tier.stride;
        let bestStart = 0;
        let bestCost = Infinity;
        let cost = 0;
        for (let i = 0; i + GRAM <= text.length; i++) {
          cost += frequency.get(key4(text, i))!;
          if (i >= s) cost -= frequency.get(key4(text, i - s))!;
          if (i >= s - 1 && cost < bestCost) {
            bestCost = cost;
            bestStart = i - s + 1;
          }
        }
        for (let o = bestStart; o < bestStart + s; o++) push(tier.grams, key4(text, o), [text, id, o] as Entry);
      } else if (text.length >= GRAM) {
        let bestOffset = 0;
        let bestCount = Infinity;
        for (let i = 0; i + GRAM <= text.length; i++) {
          const count = frequency.get(key4(text, i))!;
          if (count < bestCount) {
            bestCount = count;
            bestOffset = i;
          }
        }
        push(grams4, key4(text, bestOffset), [text, id, bestOffset] as Entry);
      } else if (text.length === 3) push(this.grams3, gram3(text.charCodeAt(0), text.charCodeAt(1), text.charCodeAt(2)), [text, id, 0] as Entry);
      else if (text.length === 2) push(this.grams2, gram2(text.charCodeAt(0), text.charCodeAt(1)), [text, id, 0] as Entry);
      else push(this.grams1, text.charCodeAt(0), [text, id, 0] as Entry);
    }
    if (grams4.size > 0) {
      this.grams4 = new PackedGrams(grams4);
      this.filter4 = keyFilter(grams4.keys(), grams4.size);
    }
    if (this.grams3.size > 0) this.filter3 = keyFilter(this.grams3.keys(), this.grams3.size);
    for (const t of tiers)
      if (t.grams.size > 0) this.tiers.push({ stride: t.stride, table: new PackedGrams(t.grams), filter: keyFilter(t.grams.keys(), t.grams.size) });
    if (this.grams1.size > 0) {
      this.ascii1 = new Array<Entry[] | undefined>(128).fill(undefined);
      for (const [key, bucket] of this.grams1) if (key < 128) this.ascii1[key] = bucket;
    }
    if (this.grams2.size > 0) {
      this.ascii2 = new Array<Entry[] | undefined>(128 * 128).fill(undefined);
      this.ascii2Bits = new Uint32Array((128 * 128) >>> 5);
      for (const bucket of this.grams2.values()) {
        const [text] = bucket[0];
        const c0 = text.charCodeAt(0);
        const c1 = text.charCodeAt(1);
        if (c0 < 128 && c1 < 128) {
          const pair = c0 * 128 + c1;
          this.ascii2[pair] = bucket;
          this.ascii2Bits[pair >>> 5] |= 1 << (pair & 31);
        }
      }
    }
    this.perPosition = grams4.size + this.grams3.size + this.grams2.size + this.grams1.size > 0;
  }

  /** Whether any literal occurs in `text`. */
  occursIn(text: string): boolean {
    this.found = false;
    this.forEachIn(text, this.markFound);
    return this.found;
  }

  private found = false;
  private readonly markFound = (): void => {
    this.found = true;
  };

  /** Calls `hit(id)` for each literal that occurs in `text` (possibly more than once per id). */
  forEachIn(text: string, hit: (id: number) => void): void {
    for (let k = 0; k < this.empty.length; k++) hit(this.empty[k]);
    const few = this.few;
    const n = text.length;
    if (few.length > 0 && (!this.scans || few.length * n <= INCLUDES_BUDGET)) {
      for (let k = 0; k < few.length; k++) if (text.includes(few[k][0])) hit(few[k][1]);
      return;
    }
    if (!this.scans) return;
    const shortFew = this.shortFew;
    for (let k = 0; k < shortFew.length; k++) if (text.includes(shortFew[k][0])) hit(shortFew[k][1]);
    for (let t = 0; t < this.tiers.length; t++) {
      const { stride, table, filter } = this.tiers[t];
      const { words, mask } = filter;
      for (let i = 0; i + GRAM <= n; i += stride) {
        const key = key4(text, i);
        if (mayHold(words, mask, key)) table.probe(text, i, key, hit);
      }
    }
    if (!this.perPosition) return;
    const g4 = this.grams4;
    const g3 = this.grams3.size > 0 ? this.grams3 : undefined;
    const g2 = this.grams2.size > 0 ? this.grams2 : undefined;
    const g1 = this.grams1.size > 0 ? this.grams1 : undefined;
    const ascii1 = this.ascii1;
    const ascii2 = this.ascii2;
    const ascii2Bits = this.ascii2Bits;
    const { words: words4, mask: mask4 } = this.filter4;
    const { words: words3, mask: mask3 } = this.filter3;
    // The gram at each position from a sliding window of four characters: one character read per position.
    let c1 = n > 0 ? text.charCodeAt(0) : 0;
    let c2 = n > 1 ? text.charCodeAt(1) : 0;
    let c3 = n > 2 ? text.charCodeAt(2) : 0;
    for (let i = 0; i < n; i++) {
      const c0 = c1;
      c1 = c2;
      c2 = c3;
      c3 = i + 3 < n ? text.charCodeAt(i + 3) : 0;
      if (g4 !== undefined && i + 4 <= n) {
        const key = gram4(c0, c1, c2, c3);
        if (mayHold(words4, mask4, key)) g4.probe(text, i, key, hit);
      }
      if (g3 !== undefined && i + 3 <= n) {
        const key = gram3(c0, c1, c2);
        if (mayHold(words3, mask3, key)) {
          const bucket = g3.get(key);
          if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (text.startsWith(bucket[b][0], i)) hit(bucket[b][1]);
        }
      }
      if (g2 !== undefined && i + 2 <= n) {
        let bucket: Entry[] | undefined;
        if (c0 < 128 && c1 < 128) {
          const pair = c0 * 128 + c1;
          if ((ascii2Bits[pair >>> 5] & (1 << (pair & 31))) !== 0) bucket = ascii2[pair];
        } else bucket = g2.get(gram2(c0, c1));
        if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (text.startsWith(bucket[b][0], i)) hit(bucket[b][1]);
      }
      if (g1 !== undefined) {
        const bucket = c0 < 128 ? ascii1[c0] : g1.get(c0);
        if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) hit(bucket[b][1]);
      }
    }
  }
}
