import type { DetectionItem } from '../../rule/model.js';

/**
 * A value as the canonical form would see it, minus what the canonical form adds: without `*`,
 * leading regex flags and case. Equal canonical items have equal rough values, so rough values
 * can sort rules into buckets before the (costlier) canonical form is computed.
 */
export function roughValue(value: unknown): string {
  if (typeof value !== 'string') return String(value);
  return value.replace(/^\(\?[imsx]+\)/, '').replace(/\*/g, '').toLowerCase();
}

export function roughItemKey(item: DetectionItem): string {
  return `${item.field ?? ''}=${[...new Set(item.values.map((v) => roughValue(v.value)))].sort().join('\u0000')}`;
}
