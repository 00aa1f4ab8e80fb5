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
