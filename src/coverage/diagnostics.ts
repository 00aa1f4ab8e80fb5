import type { Severity } from '../core/diagnostic.js';

/** The coverage diagnostics and their default severities (the config's `severities` may change them). */
export const COVERAGE_IDS = {
  unknownField: 'coverage/unknown-field',
  fieldNotInEvent: 'coverage/field-not-in-event',
  unknownEvent: 'coverage/unknown-event',
  unsupportedAttribute: 'coverage/unsupported-attribute',
  valueType: 'coverage/value-type',
  unknownValue: 'coverage/unknown-value',
  unknownLogsource: 'coverage/unknown-logsource',
} as const;

export const DEFAULT_SEVERITIES: Record<string, Severity> = {
  [COVERAGE_IDS.unknownField]: 'warning',
  [COVERAGE_IDS.fieldNotInEvent]: 'warning',
  [COVERAGE_IDS.unknownEvent]: 'error',
  [COVERAGE_IDS.unsupportedAttribute]: 'warning',
  [COVERAGE_IDS.valueType]: 'error',
  [COVERAGE_IDS.unknownValue]: 'warning',
  [COVERAGE_IDS.unknownLogsource]: 'info',
};

/** `a`, `a and b`, `a, b and 3 more`: short lists inside one sentence. */
export function listText(items: string[], max = 4): string {
  const shown = items.slice(0, max);
  const rest = items.length - shown.length;
  if (rest > 0) return `${shown.join(', ')} and ${rest} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
