import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDir, rulecheck } from './helpers.js';

/** `rulecheck catalog list|show` through the built CLI. */
describe('rulecheck catalog', () => {
  const cwd = emptyDir('catalog');

  it('lists every source with its counts, as text and as json', () => {
    const text = rulecheck(['catalog', 'list'], cwd);
    expect(text.status).toBe(0);
    expect(text.stdout).toMatch(/^udr\s+214\s+\d+\s+21\s+complete\s+product: windows, service: user-device-registration$/m);
    expect(text.stdout).toMatch(/^emm\/github\/github_audit_events\s+16\s+\d+\s+32\s+partial\s+.*product: github, service: audit \(alias\)$/m);
    const json = JSON.parse(rulecheck(['catalog', 'list', '--format', 'json'], cwd).stdout);
    expect(json.version).toBe(1);
    const intune = json.sources.find((s: { id: string }) => s.id === 'intune');
    expect(intune).toMatchObject({ catalog: 'intune', eventTypes: 19, examples: 0 });
    expect(json.sources.filter((s: { catalog: string }) => s.catalog === 'emm')).toHaveLength(40);
  });

  it('shows one event with fields, support and sample references', () => {
    const udr = rulecheck(['catalog', 'show', 'udr', '101'], cwd);
    expect(udr.status).toBe(0);
    expect(udr.stdout).toMatch(/^ServerMessage\s+string \(UnicodeString\)\s+field-table/m);
    expect(udr.stdout).toContain('sample: udr/101');
    const github = rulecheck(['catalog', 'show', 'emm/github/github_audit_events', 'ET0001', '--format', 'json'], cwd);
    const event = JSON.parse(github.stdout).eventType;
    expect(event.attributes.find((a: { key: string }) => a.key === 'ip_address').supported).toBe(false);
    expect(event.examples[0].ref).toBe('emm/github/github_audit_events/account_login/success');
  });

  it('reports an unknown source or event as a usage error with a suggestion', () => {
    const source = rulecheck(['catalog', 'show', 'udx'], cwd);
    expect(source.status).toBe(2);
    expect(source.stderr).toContain('did you mean `udr`?');
    const event = rulecheck(['catalog', 'show', 'intune', '20103'], cwd);
    expect(event.status).toBe(2);
    expect(event.stderr).toContain('has no event `20103`');
  });

  it('loads --catalog files and reports their problems with a location, exit 1', () => {
    writeFileSync(join(cwd, 'own.json'), '{\n  "formatVersion": 1,\n  "id": "own",\n  "title": "Own",\n  "sources": [],\n  "extra": true\n}\n');
    const result = rulecheck(['catalog', 'list', '--catalog', 'own.json'], cwd);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^own\.json:6:3 {2}error {2}`extra` is not a key of a catalog\. {2}catalog\/schema$/m);
    expect(result.stdout).toContain('udr');
  });
});
