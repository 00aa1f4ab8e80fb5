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

// Two cross-rule checks (duplicate-detection, overlapping-rules) read the same values: compute once.
const VALUE_CACHE = new WeakMap<DetectionValue, string>();
const ITEM_CACHE = new WeakMap<DetectionItem, string>();

export function roughValueOf(value: DetectionValue): string {
  let rough = VALUE_CACHE.get(value);
  if (rough === undefined) VALUE_CACHE.set(value, (rough = roughValue(value.value)));
  return rough;
}

export function roughItemKey(item: DetectionItem): string {
  let key = ITEM_CACHE.get(item);
  if (key === undefined) {
    const values = item.values.length === 1 ? [roughValueOf(item.values[0])] : [...new Set(item.values.map(roughValueOf))].sort();
    ITEM_CACHE.set(item, (key = `${item.field ?? ''}=${values.join('\u0000')}`));
  }
  return key;
}
