import { describe, expect, it } from 'vitest';
import { CHECKS } from './registry.js';
import { enabledChecks, lintRules } from './run.js';
import { loadSnippets } from './testing.js';
import { BASE } from './test-rules.js';
import { DEFAULT_PATH } from './testing.js';

describe('lint registry', () => {
  it('lists every check once, with well-formed metadata', () => {
    const ids = CHECKS.map((c) => c.meta.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBeGreaterThanOrEqual(90);
    for (const check of CHECKS) {
      expect(check.meta.id).toMatch(/^lint\/[a-z0-9-]+$/);
      expect(check.check ?? check.finalize).toBeDefined();
      for (const message of Object.values(check.meta.messages)) expect(message).toMatch(/\.$|\?\)?\.?$/);
    }
  });

  it('finds nothing in the clean base rule with every check on', () => {
    const rules = loadSnippets([{ path: DEFAULT_PATH, code: BASE }]);
    const found = lintRules(rules, { preset: 'all', checks: { 'lint/date-in-future': { options: { today: '2026-01-01' } }, 'lint/status-too-high-for-age': { options: { today: '2026-01-01' } } } });
    expect(found.map((d) => `${d.id} ${d.message}`)).toEqual([]);
  });

  it('turns presets and per-id settings into the enabled set', () => {
    const recommended = enabledChecks({}).map((e) => e.check.meta.id);
    const sigmahq = enabledChecks({ preset: 'sigmahq' }).map((e) => e.check.meta.id);
    const all = enabledChecks({ preset: 'all' }).map((e) => e.check.meta.id);
    expect(recommended).toContain('lint/unused-search');
    expect(recommended).not.toContain('lint/title-case');
    expect(sigmahq).toContain('lint/title-case');
    expect(sigmahq.length).toBeLessThan(all.length);
    expect(all.length).toBe(CHECKS.length);
    const tuned = enabledChecks({ checks: { 'lint/unused-search': 'off', 'lint/title-case': 'error' } });
    expect(tuned.map((e) => e.check.meta.id)).not.toContain('lint/unused-search');
    expect(tuned.find((e) => e.check.meta.id === 'lint/title-case')?.severity).toBe('error');
    expect(() => enabledChecks({ checks: { 'lint/no-such-check': 'off' } })).toThrow(/no lint check `lint\/no-such-check`/);
    expect(() => enabledChecks({ checks: { 'lint/title-length': { options: { maximum: 3 } } } })).toThrow(/has no option `maximum` \(it has `max`\)/);
    expect(() => enabledChecks({ checks: { 'lint/title-length': { options: { max: '3' } } } })).toThrow(/must be a number/);
    const optionsOnly = enabledChecks({ checks: { 'lint/overlapping-rules': { options: {} } } }).map((e) => e.check.meta.id);
    expect(optionsOnly).not.toContain('lint/overlapping-rules');
  });
});

describe('--list-checks', () => {
  it('prints one row per check with preset, severity, fix and equivalents', async () => {
    const { listChecks } = await import('./list.js');
    const lines = listChecks().trimEnd().split('\n');
    expect(lines[0]).toMatch(/^id\s+preset\s+severity\s+fix\s+equivalent$/);
    expect(lines.length).toBe(CHECKS.length + 2);
    const row = lines.find((l) => l.startsWith('lint/title-end '))!;
    expect(row).toMatch(/^lint\/title-end\s+sigmahq\s+warning\s+yes\s+sigmahq:sigmahq_title_end$/);
    expect(lines.find((l) => l.startsWith('lint/overlapping-rules '))).toMatch(/\sall\s+info/);
  });
});
