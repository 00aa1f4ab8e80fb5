import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalogs, loadCatalogFile, loadCatalogSet } from './load.js';

function write(name: string, text: string): { dir: string; file: string } {
  const dir = mkdtempSync(path.join(tmpdir(), 'rulecheck-catalog-'));
  const file = path.join(dir, name);
  writeFileSync(file, text);
  return { dir, file };
}

const USER_CATALOG_YAML = `formatVersion: 1
id: acme
title: Acme VPN
sources:
  - id: acme/vpn
    title: Acme VPN gateway
    logsources:
      - {product: acme, service: vpn, kind: primary}
    discriminator: {field: event.code, type: integer, completeness: complete}
    constants: []
    commonFields:
      - {name: event.code, type: integer, origin: definition}
      - {name: user.name, type: string, origin: definition}
    completeness: complete
    eventTypes:
      - id: "4001"
        codes: [4001]
        name: Login failed
        fields:
          - name: reason
            type: string
            origin: definition
            knownValues: [{value: bad_password}, {value: locked}]
            knownValuesComplete: true
        completeness: complete
        examples:
          - ref: acme/vpn/4001
            eventType: "4001"
            outcome: failure
            shape: flat
            event: {event: {code: 4001}, user: {name: bob}, reason: locked}
`;

describe('user catalogs', () => {
  it('load from YAML and join the built-in catalogs', () => {
    const { dir, file } = write('acme.yml', USER_CATALOG_YAML);
    const loaded = loadCatalogFile(file, dir);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.origin).toEqual({ kind: 'user', path: 'acme.yml' });
    const set = loadCatalogSet({ catalogs: [file], cwd: dir });
    const [source] = set.sourcesForLogsource({ product: 'ACME', service: 'vpn' });
    expect(source.id).toBe('acme/vpn');
    expect(set.eventTypesForCode(source, 4001)[0].name).toBe('Login failed');
    expect(set.samples('acme/vpn/4001')[0].event).toEqual({ event: { code: 4001 }, user: { name: 'bob' }, reason: 'locked' });
    expect(set.fieldsOf(source, source.eventTypes[0]).map((f) => f.name)).toEqual(['event.code', 'user.name', 'reason']);
    expect(set.sourceById('udr')).toBeDefined();
  });

  it('load from JSON', () => {
    const { dir, file } = write('acme.json', JSON.stringify({ formatVersion: 1, id: 'acme', title: 'Acme', sources: [] }));
    expect(loadCatalogFile(file, dir).diagnostics).toEqual([]);
  });

  it('report an unknown key at the key, with a suggestion', () => {
    const { dir, file } = write('acme.yml', USER_CATALOG_YAML.replace('    completeness: complete\n    eventTypes:', '    completness: complete\n    eventTypes:'));
    const loaded = loadCatalogFile(file, dir);
    expect(loaded.catalog.sources).toEqual([]);
    const unknown = loaded.diagnostics.find((d) => d.message.includes('`completness`'))!;
    expect(unknown).toMatchObject({ id: 'catalog/schema', severity: 'error', file: 'acme.yml', span: { line: 14, column: 5, endLine: 14, endColumn: 16 } });
    expect(unknown.hint).toMatch(/Did you mean `completeness`/);
    // The missing required key is reported on the source that lacks it.
    const missing = loaded.diagnostics.find((d) => d.message.includes('needs `completeness`'))!;
    expect(missing.span.line).toBe(5);
  });

  it('report a wrong value type and an unknown enum value in a JSON file at the value', () => {
    const json = JSON.stringify(
      { formatVersion: 1, id: 'x', title: 'X', sources: [{ id: 'x/y', title: 'Y', logsources: [{ product: 'x', kind: 'main' }], constants: [], commonFields: [{ name: 'a', type: 'text', origin: 'definition' }], completeness: 'complete', eventTypes: 'none' }] },
      null,
      2,
    );
    const { dir, file } = write('x.json', json);
    const loaded = loadCatalogFile(file, dir);
    const lines = json.split('\n');
    const at = (needle: string) => lines.findIndex((l) => l.includes(needle)) + 1;
    const messages = loaded.diagnostics.map((d) => [d.span.line, d.message]);
    expect(messages).toEqual(
      expect.arrayContaining([
        [at('"kind": "main"'), expect.stringMatching(/`sources\[0\]\.logsources\[0\]\.kind` must be one of `primary`, `alias`/)],
        [at('"type": "text"'), expect.stringMatching(/`sources\[0\]\.commonFields\[0\]\.type` must be one of/)],
        [at('"eventTypes": "none"'), expect.stringMatching(/`sources\[0\]\.eventTypes` must be of type array/)],
      ]),
    );
  });

  it('report JSON and YAML syntax errors at their position', () => {
    const { dir, file } = write('bad.json', '{\n  "formatVersion": 1,\n  "id": "x",,\n}');
    const json = loadCatalogFile(file, dir);
    expect(json.diagnostics).toHaveLength(1);
    expect(json.diagnostics[0]).toMatchObject({ id: 'catalog/json-syntax', span: { line: 3, column: 13 } });
    const yaml = write('bad.yml', 'formatVersion: 1\nid: [x\ntitle: y\n');
    const loadedYaml = loadCatalogFile(yaml.file, yaml.dir);
    expect(loadedYaml.diagnostics[0].id).toBe('yaml/syntax-error');
    expect(loadedYaml.diagnostics[0].span.line).toBeGreaterThanOrEqual(2);
  });

  it('report a missing file and let the other catalogs load', () => {
    const { dir } = write('unused.yml', '');
    const set = loadCatalogSet({ catalogs: ['nope.json'], cwd: dir });
    expect(set.diagnostics).toEqual([expect.objectContaining({ id: 'catalog/unreadable-file', file: 'nope.json', message: 'The catalog file `nope.json` does not exist.' })]);
    expect(set.sources.length).toBe(loadBuiltinCatalogs().reduce((n, c) => n + c.catalog.sources.length, 0));
  });

  it('report duplicate event types and sample references that do not name their source', () => {
    const text = USER_CATALOG_YAML.replace('ref: acme/vpn/4001', 'ref: other/4001') + USER_CATALOG_YAML.split('    eventTypes:\n')[1].replace(/^/gm, '');
    const { dir, file } = write('dup.yml', text);
    const loaded = loadCatalogFile(file, dir);
    expect(loaded.diagnostics.map((d) => d.id).sort()).toEqual(['catalog/duplicate-event-type', 'catalog/example-ref']);
    const dup = loaded.diagnostics.find((d) => d.id === 'catalog/duplicate-event-type')!;
    expect(dup.span.line).toBe(text.split('\n').findIndex((l, i) => i > 20 && l.includes('- id: "4001"')) + 1);
  });

  it('let a user catalog replace a built-in source with the same id', () => {
    const { dir, file } = write('udr.yml', USER_CATALOG_YAML.replace('id: acme/vpn', 'id: udr').replace('ref: acme/vpn/4001', 'ref: udr/4001'));
    const set = loadCatalogSet({ catalogs: [file], cwd: dir });
    expect(set.sourceById('udr')!.title).toBe('Acme VPN gateway');
    expect(set.sources.filter((s) => s.id === 'udr')).toHaveLength(1);
  });
});

describe('loading the built-in catalogs', () => {
  it('is fast enough to do on every run', () => {
    loadBuiltinCatalogs();
    // Measured on a fresh parse in bench/catalog.bench.mjs; here: cached loads are free.
    const start = performance.now();
    for (let i = 0; i < 100; i++) loadBuiltinCatalogs();
    expect(performance.now() - start).toBeLessThan(50);
  });
});

describe('catalog file reports', () => {
  it('group catalog problems by file, as kind `catalog`', async () => {
    const { catalogFileReports } = await import('./file-reports.js');
    const { dir, file } = write('bad.json', '{"formatVersion": 2, "id": "x", "title": "X", "sources": []}');
    const set = loadCatalogSet({ catalogs: [file, 'missing.yml'], cwd: dir });
    const reports = catalogFileReports(set);
    expect(reports.map((r) => [r.path, r.kind, r.diagnostics.map((d) => d.id)])).toEqual([
      ['bad.json', 'catalog', ['catalog/schema']],
      ['missing.yml', 'catalog', ['catalog/unreadable-file']],
    ]);
  });
});
