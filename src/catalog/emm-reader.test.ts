import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readEmmRepository } from './emm-reader.js';
import { loadCatalogSet } from './load.js';

const EMM_DIR = path.resolve(import.meta.dirname, '../../../shared/corpora/emm');
const haveCorpus = existsSync(EMM_DIR);
if (!haveCorpus) console.warn(`skipping EMM checkout tests: ${EMM_DIR} is absent`);

describe.skipIf(!haveCorpus)('EMM reader on the EMM checkout', () => {
  const cwd = path.resolve(import.meta.dirname, '../..');
  const loaded = readEmmRepository(EMM_DIR, { cwd });

  it('reads all 40 event sources into the same model as the built-in catalog', () => {
    expect(loaded.catalog.sources).toHaveLength(40);
    expect(loaded.origin).toEqual({ kind: 'emm-repository', path: '../shared/corpora/emm' });
    const github = loaded.catalog.sources.find((s) => s.id === 'emm/github/github_audit_events')!;
    const login = github.eventTypes.find((e) => e.id === 'account_login')!;
    expect(login.attributes!.find((a) => a.key === 'ip_address')!.supported).toBe(false);
    expect(github.logsources.map((l) => `${l.product}/${l.service}`)).toEqual(['github/github_audit_events', 'github/audit']);
  });

  it('reports each withheld example file where the event source names it, and loads the rest', () => {
    const missing = loaded.diagnostics.filter((d) => d.id === 'emm/missing-example');
    expect(missing.length).toBeGreaterThan(0);
    const first = missing.find((d) => d.file.endsWith('okta/event_sources/okta_system_log.yml'))!;
    expect(first.severity).toBe('warning');
    const lines = readFileSync(path.join(EMM_DIR, 'products/okta/event_sources/okta_system_log.yml'), 'utf8').split('\n');
    const line = lines[first.span.line - 1];
    expect(line.slice(first.span.column - 1, first.span.endColumn - 1)).toMatch(/^\.\/event_examples\/.+\.json$/);
    expect(first.message).toContain(line.slice(first.span.column - 1, first.span.endColumn - 1));
    // Okta still has its event types and attribute paths.
    const okta = loaded.catalog.sources.find((s) => s.id === 'emm/okta/okta_system_log')!;
    expect(okta.eventTypes.length).toBeGreaterThan(20);
    expect(okta.eventTypes.every((e) => e.examples.length === 0)).toBe(true);
    // Products whose examples are present load them.
    const examples = loaded.catalog.sources.flatMap((s) => s.eventTypes.flatMap((e) => e.examples));
    expect(examples.length).toBeGreaterThan(150);
    expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('replaces the built-in EMM catalog when given with --emm', () => {
    const set = loadCatalogSet({ emm: EMM_DIR, cwd });
    expect(set.catalogs.map((c) => c.origin.kind)).toEqual(['builtin', 'builtin', 'builtin', 'emm-repository']);
    expect(set.sources.filter((s) => s.id.startsWith('emm/'))).toHaveLength(40);
  });
});

/** A small EMM checkout written to a temp folder, with one broken thing per test. */
function miniCheckout(sourceYaml: string, extra: Record<string, string> = {}): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'rulecheck-emm-'));
  const files: Record<string, string> = {
    'attributes.yml': `items:\n  - {id: A0001, name: Timestamp, key: timestamp}\n  - {id: A0003, name: Event Code / Type, key: event_code_or_type}\n  - {id: A0011, name: IP Address, key: ip_address}\n  - {id: A0013, name: Failure Context, key: failure_context, include: [account_login]}\n`,
    'categories.yml': 'items:\n  - {id: C0001, name: Authentication, key: authentication}\n  - {id: C0002, name: Authorization, key: authorization}\n',
    'event_types.yml':
      'items:\n  - {id: ET0001, name: Account Login, categories: [authentication], key: account_login}\n  - {id: ET0004, name: Create User, categories: [authorization], key: create_user}\n',
    'products/acme/acme.product.yml': 'name: Acme\n',
    'products/acme/event_sources/acme_audit.yml': sourceYaml,
    'products/acme/event_examples/login.json': '{"ts": "2024-01-01", "kind": "login", "ip": "192.0.2.1"}',
    ...extra,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

const GOOD_SOURCE = `name: Audit
product: {name: Acme}
mapping_defaults:
  source:
    attributes:
      timestamp: ts
      event_code_or_type: kind
  categories:
    authorization:
      attributes:
        ip_address: ip
mappings:
  - category: authentication
    event_type: account_login
    attributes:
      ip_address: [ip, client.ip]
      failure_context:
    examples:
      - type: success
        location: ./event_examples/login.json
  - category: authorization
    event_type: create_user
    attributes:
      timestamp:
`;

describe('EMM reader on a small checkout', () => {
  it('merges source defaults, category defaults and mapping attributes, with null dropping a default', () => {
    const dir = miniCheckout(GOOD_SOURCE);
    const { catalog, diagnostics } = readEmmRepository(dir, { cwd: dir });
    expect(diagnostics).toEqual([]);
    const [source] = catalog.sources;
    expect(source).toMatchObject({ id: 'emm/acme/acme_audit', title: 'Acme Audit', discriminator: { field: 'kind' } });
    const login = source.eventTypes.find((e) => e.id === 'account_login')!;
    expect(login.attributes!.map((a) => [a.key, a.supported, a.paths])).toEqual([
      ['timestamp', true, ['ts']],
      ['event_code_or_type', true, ['kind']],
      ['ip_address', true, ['ip', 'client.ip']],
      ['failure_context', false, []],
    ]);
    expect(login.codes).toEqual(['login']);
    expect(login.examples[0]).toMatchObject({ ref: 'emm/acme/acme_audit/account_login/success', outcome: 'success', shape: 'flat' });
    const create = source.eventTypes.find((e) => e.id === 'create_user')!;
    // failure_context applies to account_login only; the null drops the source default timestamp.
    expect(create.attributes!.map((a) => [a.key, a.supported, a.paths])).toEqual([
      ['timestamp', false, []],
      ['event_code_or_type', true, ['kind']],
      ['ip_address', true, ['ip']],
    ]);
  });

  it('reports an unknown attribute key at the key and still loads the source', () => {
    const dir = miniCheckout(GOOD_SOURCE.replace('      ip_address: [ip, client.ip]', '      ip_adress: [ip, client.ip]'));
    const { catalog, diagnostics } = readEmmRepository(dir, { cwd: dir });
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({
      id: 'emm/unknown-attribute',
      severity: 'warning',
      file: 'products/acme/event_sources/acme_audit.yml',
      span: { line: 16, column: 7, endLine: 16, endColumn: 16 },
    });
    expect(diagnostics[0].message).toContain('`ip_adress`');
    expect(catalog.sources[0].eventTypes).toHaveLength(2);
  });

  it('reports a missing example file at its location and an unknown event type', () => {
    const dir = miniCheckout(GOOD_SOURCE.replace('login.json', 'logon.json').replace('event_type: create_user', 'event_type: create_usr'));
    const { catalog, diagnostics } = readEmmRepository(dir, { cwd: dir });
    expect(diagnostics.map((d) => [d.id, d.span.line])).toEqual([
      ['emm/missing-example', 20],
      ['emm/unknown-event-type', 22],
    ]);
    expect(catalog.sources[0].eventTypes.find((e) => e.id === 'account_login')!.examples).toEqual([]);
  });

  it('reports malformed YAML with its position and loads the other sources', () => {
    const dir = miniCheckout(GOOD_SOURCE, {
      'products/acme/event_sources/acme_broken.yml': 'name: Broken\nmappings:\n  - category: [authentication\n    event_type: account_login\n',
    });
    const { catalog, diagnostics } = readEmmRepository(dir, { cwd: dir });
    expect(catalog.sources.map((s) => s.id)).toEqual(['emm/acme/acme_audit']);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ id: 'yaml/syntax-error', file: 'products/acme/event_sources/acme_broken.yml' });
    expect(diagnostics[0].span.line).toBeGreaterThanOrEqual(3);
  });
});

describe('EMM reader on a folder that is not an EMM checkout', () => {
  it('says which definition files are missing, once each', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rulecheck-not-emm-'));
    const { catalog, diagnostics } = readEmmRepository(dir, { cwd: dir });
    expect(catalog.sources).toEqual([]);
    expect(diagnostics.map((d) => [d.id, d.file])).toEqual([
      ['emm/missing-definitions', 'attributes.yml'],
      ['emm/missing-definitions', 'event_types.yml'],
      ['emm/missing-definitions', 'categories.yml'],
    ]);
    expect(diagnostics[0].message).toBe('`attributes.yml` is missing from `.`; is it a checkout of the EMM repository?');
  });
});
