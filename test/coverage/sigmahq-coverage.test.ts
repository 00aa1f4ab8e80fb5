import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadCatalogSet } from '../../src/catalog/load.js';
import { checkCoverage, type CoverageRun } from '../../src/coverage/run.js';
import { discoverRuleFiles, loadRuleFile } from '../../src/rule/load.js';
import type { Rule } from '../../src/rule/model.js';

/**
 * The coverage check over the public SigmaHQ rules. Windows rules are checked against SigmaHQ's
 * own field lists, which SigmaHQ's CI enforces, so a Windows finding must name a field that really
 * is missing from those lists (`tests/logsource.json` in the corpus, read here to cross-check).
 * Okta and GitHub rules bind to their EMM sources without warning-level unknown fields; Azure
 * Monitor's audit logs have another schema than EMM's and stay unbound. docs/coverage.md explains
 * every class of finding.
 */

const corpus = resolve(__dirname, '../../../shared/corpora/sigmahq');
const present = existsSync(corpus);
if (!present) console.warn(`skipping the SigmaHQ coverage test: ${corpus} is not there`);

const RULE_DIRS = ['rules', 'rules-compliance', 'rules-dfir', 'rules-emerging-threats', 'rules-placeholder', 'rules-threat-hunting'];

describe.skipIf(!present)('coverage over the SigmaHQ corpus', () => {
  let rules: Rule[];
  let run: CoverageRun;
  let legit: { common: string[]; category: Record<string, string[]>; service: Record<string, string[]> };
  let addon: { category?: Record<string, string[]>; service?: Record<string, string[]> };

  beforeAll(async () => {
    const files = discoverRuleFiles(
      RULE_DIRS.map((d) => resolve(corpus, d)).filter((d) => existsSync(d)),
      corpus,
    );
    rules = files.flatMap((file) => loadRuleFile(file, corpus).rules);
    run = checkCoverage(rules, { set: loadCatalogSet({}) });
    const lists = JSON.parse(readFileSync(resolve(corpus, 'tests/logsource.json'), 'utf8'));
    legit = lists.legit.windows;
    addon = lists.addon?.windows ?? {};
  }, 120_000);

  it('checks every detection and filter rule', () => {
    const checked = rules.filter((r) => r.kind === 'detection' || r.kind === 'filter');
    expect(checked.length).toBeGreaterThan(3000);
    expect(run.results).toHaveLength(checked.length);
    expect(run.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('finds Windows fields only where SigmaHQ field lists really lack them', () => {
    let windowsFindings = 0;
    for (const result of run.results) {
      const source = result.bindings[0]?.source;
      if (!source?.id.startsWith('windows/')) continue;
      for (const d of result.diagnostics) {
        windowsFindings++;
        expect(d.id).toBe('coverage/unknown-field');
        const field = /^`([^`]+)`/.exec(d.message)![1];
        const key = source.id.slice('windows/'.length);
        const listed = new Set([...legit.common, ...(legit.category[key] ?? []), ...(legit.service[key] ?? []), ...(addon.category?.[key] ?? []), ...(addon.service?.[key] ?? [])]);
        expect(listed.has(field), `${d.file}: ${field} is in SigmaHQ's list for ${key}`).toBe(false);
        // A complete SigmaHQ list is enforced by SigmaHQ's CI: only lists SigmaHQ leaves open give findings, at info level.
        expect(source.completeness, `${d.file}: ${field}`).toBe('partial');
        expect(d.severity).toBe('info');
      }
    }
    expect(windowsFindings).toBeGreaterThan(0);
  });

  it('binds Okta and GitHub rules to their EMM sources with no warning-level unknown fields', () => {
    for (const product of ['okta', 'github']) {
      const results = run.results.filter((r) => r.rule.logsource.product?.value === product);
      expect(results.length, product).toBeGreaterThan(5);
      for (const result of results) {
        expect(result.bindings.map((b) => b.source.id)[0], result.rule.file.path).toMatch(new RegExp(`^emm/${product}/`));
        const warnings = result.diagnostics.filter((d) => d.id === 'coverage/unknown-field' && d.severity !== 'info');
        expect(warnings, result.rule.file.path).toEqual([]);
      }
    }
  });

  it('leaves Azure Monitor audit log rules unbound, with one info finding each', () => {
    const azure = run.results.filter((r) => r.rule.logsource.product?.value === 'azure' && r.rule.logsource.service?.value === 'auditlogs');
    expect(azure.length).toBeGreaterThan(10);
    for (const result of azure) {
      expect(result.bindings).toEqual([]);
      expect(result.diagnostics.map((d) => `${d.id} ${d.severity}`)).toEqual(['coverage/unknown-logsource info']);
    }
  });
});
