import type { Diagnostic, Severity } from '../core/diagnostic.js';

/**
 * Applies the config's `severities`: an exact id wins over an area pattern (`coverage/*`);
 * `off` drops the diagnostic.
 */
export function applySeverities(diagnostics: Diagnostic[], severities: Record<string, Severity | 'off'>): Diagnostic[] {
  if (Object.keys(severities).length === 0) return diagnostics;
  const out: Diagnostic[] = [];
  for (const d of diagnostics) {
    const setting = severities[d.id] ?? severities[`${d.id.split('/')[0]}/*`];
    if (setting === 'off') continue;
    out.push(setting && setting !== d.severity ? { ...d, severity: setting } : d);
  }
  return out;
}
