import type { DetectionItem } from '../../rule/model.js';

/**
 * A value as the canonical form would see it, minus what the canonical form adds: without `*`,
 * leading regex flags and case. Equal canonical items have equal rough values, so rough values
 * can sort rules into buckets before the (costlier) canonical form is computed.
 */
function roughValue(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  let text = value;
  if (text.startsWith('(?')) text = text.replace(/^\(\?[imsx]+\)/, '');
  if (text.includes('*')) text = text.replace(/\*/g, '');
  return text.toLowerCase();
}

export function roughItemKey(item: DetectionItem): string {
  // Not cached: a WeakMap entry per value (tens of thousands) costs more than computing the value again.
  const values = item.values.length === 1 ? [roughValue(item.values[0].value)] : [...new Set(item.values.map((v) => roughValue(v.value)))].sort();
  return `${item.field ?? ''}=${values.join('\u0000')}`;
}

const STAR = 42;

/** Where a regex value's text starts after leading inline flags such as `(?i)` (which the canonical form turns into modifiers). */
function afterInlineFlags(text: string): number {
  if (text.length < 4 || text.charCodeAt(0) !== 40 || text.charCodeAt(1) !== 63) return 0;
  let i = 2;
  for (;;) {
    if (i === text.length) return 0;
    const c = text.charCodeAt(i);
    if (c === 105 || c === 109 || c === 115 || c === 120) i++;
    else return c === 41 && i > 2 ? i + 1 : 0;
  }
}

function mix(count: number, first: number, middle: number, last: number): number {
  return Math.imul(Math.imul(count, 0x01000193) ^ (first << 16) ^ (middle << 8) ^ last, 0x9e3779b1) | 0;
}

/**
 * A number standing for a value as the canonical form would see it without its `*` (which the canonical
 * form only adds or merges) and without leading regex flags: its length and its first, middle and last
 * characters. Equal canonical values have equal features; different values may share one, so a feature
 * only sorts rules into groups that the exact comparison then checks. No string is built, and a value
 * without `*` costs a few character reads.
 */
export function valueFeature(value: unknown): number {
  if (typeof value !== 'string') {
    if (typeof value === 'number') return mix(1, value | 0, 0, 1);
    if (value instanceof Date) return mix(2, value.getTime() | 0, 0, 2);
    return value === true ? 3 : value === false ? 4 : 5;
  }
  const n = value.length;
  // Most values neither start with `(` nor hold a `*`: a few character reads.
  if (n > 0 && value.charCodeAt(0) !== 40 && !value.includes('*')) return mix(n, value.charCodeAt(0), value.charCodeAt(n >> 1), value.charCodeAt(n - 1));
  const start = afterInlineFlags(value);
  if (!value.includes('*', start)) {
    const count = n - start;
    return count === 0 ? 0 : mix(count, value.charCodeAt(start), value.charCodeAt(start + (count >> 1)), value.charCodeAt(n - 1));
  }
  let count = 0;
  for (let i = start; i < n; i++) if (value.charCodeAt(i) !== STAR) count++;
  if (count === 0) return 0;
  let first = 0;
  let middle = 0;
  let last = 0;
  for (let i = start, k = 0; i < n; i++) {
    const c = value.charCodeAt(i);
    if (c === STAR) continue;
    if (k === 0) first = c;
    if (k === count >> 1) middle = c;
    last = c;
    k++;
  }
  return mix(count, first, middle, last);
}
