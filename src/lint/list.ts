import { CHECKS } from './registry.js';
import type { LintCheck } from './types.js';

/** `rulecheck check --list-checks`: one line per check, as a plain aligned table. */
export function presetOf(check: LintCheck): string {
  if (check.meta.presets.includes('recommended')) return 'recommended';
  if (check.meta.presets.includes('sigmahq')) return 'sigmahq';
  return 'all';
}

export function listChecks(checks: readonly LintCheck[] = CHECKS): string {
  const rows = [
    ['id', 'preset', 'severity', 'fix', 'equivalent'],
    ...checks.map((c) => [c.meta.id, presetOf(c), c.meta.severity, c.meta.fixable ? 'yes' : '', (c.meta.equivalents ?? []).join(', ')]),
  ];
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
  const lines = rows.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i]))).join('  ').trimEnd());
  return `${lines.join('\n')}\n${checks.length} checks; \`recommended\` runs by default, \`--preset sigmahq\` adds the SigmaHQ conventions, \`--preset all\` runs every check.\n`;
}
