import type { DetectionItem, DetectionValue } from '../../rule/model.js';

/**
 * A value as the canonical form would see it, minus what the canonical form adds: without `*`,
 * leading regex flags and case. Equal canonical items have equal rough values, so rough values
 * can sort rules into buckets before the (costlier) canonical form is computed.
 */
export function roughValue(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  let text = value;
  if (text.startsWith('(?')) text = text.replace(/^\(\?[imsx]+\)/, '');
  if (text.includes('*')) text = text.replace(/\*/g, '');
  return text.toLowerCase();
}

// Not cached: a WeakMap entry per value (tens of thousands) costs more than computing the value again.
export function roughValueOf(value: DetectionValue): string {
  return roughValue(value.value);
}

export function roughItemKey(item: DetectionItem): string {
  const values = item.values.length === 1 ? [roughValueOf(item.values[0])] : [...new Set(item.values.map(roughValueOf))].sort();
  return `${item.field ?? ''}=${values.join('\u0000')}`;
}

/**
 * Sorts rules into groups that can only hold duplicates of each other, before any rough key is
 * built: 64 bits per rule, one set per distinct (field, value) pair, where a value is taken with its
 * `*` removed (the canonical form only adds or merges `*`) and exactly as written otherwise (finer
 * than the rough value, which also drops case). Rules with equal canonical items have equal
 * signatures, whatever the order or repetition of their values. Values are numbered through a Map,
 * whose string hashing is native, rather than hashed here.
 */
export class ValueSignatures {
  private readonly ids = new Map<unknown, number>();

  private id(key: unknown): number {
    let id = this.ids.get(key);
    if (id === undefined) this.ids.set(key, (id = this.ids.size));
    return id;
  }

  private valueId(value: unknown): number {
    if (typeof value === 'string') {
      // A leading `(?i)` may become a modifier: every such value shares one number.
      if (value.startsWith('(?')) return this.id('(?');
      return this.id(value.includes('*') ? value.replace(/\*/g, '') : value);
    }
    return this.id(value instanceof Date ? 'date' : value);
  }

  of(items: readonly { item: DetectionItem }[]): string {
    let low = 0;
    let high = 0;
    for (const { item } of items) {
      const field = Math.imul(this.id(item.field ?? ''), 0x85ebca6b);
      for (const value of item.values) {
        const bit = Math.imul(field ^ this.valueId(value.value), 0x9e3779b1) >>> 26;
        if (bit < 32) low |= 1 << bit;
        else high |= 1 << (bit - 32);
      }
    }
    return `${low}:${high}`;
  }
}
