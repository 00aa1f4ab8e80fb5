import { describe, expect, it } from 'vitest';
import { loadBuiltinCatalog, loadBuiltinCatalogs, loadCatalogSet } from './load.js';
import { schemaErrors } from './validate.js';
import { collectFieldPaths, valueAtPath } from './field-paths.js';
import type { CatalogEventType, CatalogSource, FieldType } from './model.js';

const udr = () => loadBuiltinCatalog('udr').catalog.sources[0];
const intune = () => loadBuiltinCatalog('intune').catalog.sources[0];
const emm = () => loadBuiltinCatalog('emm').catalog.sources;
const event = (source: CatalogSource, id: string): CatalogEventType => {
  const found = source.eventTypes.find((e) => e.id === id);
  if (!found) throw new Error(`${source.id} has no event type ${id}`);
  return found;
};

describe('built-in catalogs', () => {
  it('validate against the catalog schema', () => {
    for (const loaded of loadBuiltinCatalogs()) {
      expect(schemaErrors(loaded.catalog), loaded.catalog.id).toEqual([]);
    }
  });

  it('give every source a unique id and every example a unique sample reference', () => {
    const set = loadCatalogSet();
    const ids = set.sources.map((s) => s.id);
    expect(new Set(ids).size).toBe(ids.length);
    const refs = set.sources.flatMap((s) => s.eventTypes.flatMap((e) => e.examples.map((x) => x.ref)));
    expect(new Set(refs).size).toBe(refs.length);
    for (const ref of refs) expect(set.samples(ref), ref).toHaveLength(1);
  });
});

describe('UDR catalog', () => {
  it('has all 214 distinct event IDs and the 21 example events', () => {
    const source = udr();
    expect(source.eventTypes).toHaveLength(214);
    expect(new Set(source.eventTypes.map((e) => e.id)).size).toBe(214);
    expect(source.eventTypes.reduce((n, e) => n + e.examples.length, 0)).toBe(21);
  });

  it('types the fields of event 252 from its field table', () => {
    const fields = event(udr(), '252').fields;
    expect(fields.find((f) => f.name === 'ExitCode')).toMatchObject({ type: 'integer', nativeType: 'Int32', origin: 'field-table' });
    expect(fields.find((f) => f.name === 'HttpStatus')).toMatchObject({ type: 'integer', nativeType: 'Int32' });
    expect(event(udr(), '252').completeness).toBe('complete');
  });

  it('merges the two entries of event 421 and keeps what they say', () => {
    const e421 = event(udr(), '421');
    expect(e421.fields.map((f) => f.name)).toEqual(['ErrorCode']);
    expect(e421.notes?.join(' ')).toMatch(/2 times/);
  });

  it('records fields named only in a message template as type unknown', () => {
    const e204 = event(udr(), '204');
    expect(e204.messageTemplate).toMatch(/exit code: ExitCode/);
    expect(e204.fields).toEqual([expect.objectContaining({ name: 'ExitCode', type: 'unknown', origin: 'message-template' })]);
    expect(e204.completeness).toBe('partial');
    expect(event(udr(), '208').fields.map((f) => f.name)).toEqual(['UserSID', 'Group']);
    expect(event(udr(), '209').fields.map((f) => f.name)).toEqual(['SID']);
    expect(event(udr(), '226').fields.map((f) => f.name)).toEqual(['Server', 'Port']);
    // Product names and acronyms in templates are not fields.
    expect(event(udr(), '213').fields).toEqual([]);
    expect(event(udr(), '372').fields).toEqual([]);
  });

  it('keeps the channel and provider as constants and answers to its logsource', () => {
    const source = udr();
    expect(source.constants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: 'Channel', value: 'Microsoft-Windows-User Device Registration/Admin' }),
        expect.objectContaining({ name: 'Provider_Name', value: 'Microsoft-Windows-User Device Registration' }),
      ]),
    );
    const set = loadCatalogSet();
    expect(set.sourcesForLogsource({ product: 'windows', service: 'user-device-registration' }).map((s) => s.id)).toEqual(['udr']);
  });

  it('has example events whose event data uses only fields of their event type', () => {
    for (const eventType of udr().eventTypes) {
      const names = new Set(eventType.fields.map((f) => f.name));
      for (const example of eventType.examples) {
        const data = (example.event as { event_data: Record<string, unknown>; system: { event_id: number; channel: string } });
        expect(data.system.event_id, example.ref).toBe(Number(eventType.id));
        expect(data.system.channel).toBe('Microsoft-Windows-User Device Registration/Admin');
        for (const key of Object.keys(data.event_data)) expect(names.has(key), `${example.ref}: ${key}`).toBe(true);
      }
    }
  });
});

describe('Intune connector catalog', () => {
  it('has the 19 event IDs and every documented diagnostic code', () => {
    const source = intune();
    expect(source.eventTypes).toHaveLength(19);
    const codes = source.commonFields.find((f) => f.name === 'DiagnosticCode')!.knownValues!;
    // The code table has 12 rows; the unknown-error code is also written a second way (kept as an alias).
    expect(codes.map((c) => c.value)).toEqual([
      '0x00000000', '0x00000400', '0x00000401', '0x00000402', '0x00000403', '0x00000404',
      '0x00000405', '0x00000408', '0x00000409', '0x00000410', '0x00000411', '0x0FFFFFFF',
    ]);
    expect(codes.every((c) => c.name && c.description)).toBe(true);
    const unknown = codes.find((c) => c.value === '0x0FFFFFFF')!;
    expect(unknown).toMatchObject({ name: 'Unknown_Error', aliases: ['0x0FFFFFFFF'] });
    expect(unknown.note).toMatch(/0x0FFFFFFFF/);
  });

  it('lists the diagnostic codes event 20102 may carry', () => {
    const set = loadCatalogSet();
    const source = intune();
    const e20102 = event(source, '20102');
    const code = set.fieldsOf(source, e20102).find((f) => f.name === 'DiagnosticCode')!;
    expect(code.knownValues!.map((v) => v.value)).toEqual(['0x00000000', '0x00000400', '0x00000401', '0x0FFFFFFF']);
    expect(code.knownValuesComplete).toBe(true);
    expect(e20102.fields.map((f) => f.name)).toEqual(
      expect.arrayContaining(['DeviceId', 'UserId', 'CAName', 'CertificateTemplateName', 'CertificateThumbprint']),
    );
    expect(event(source, '20202').fields.map((f) => f.name)).toContain('CertificateSerialNumber');
    expect(event(source, '20302').fields.map((f) => f.name)).toContain('UploadState');
    expect(set.sourcesForLogsource({ product: 'windows', service: 'intune-connector' })).toEqual([source]);
  });
});

describe('EMM catalog', () => {
  it('has the 40 event sources of the repository and the 177 samples of the pages', () => {
    const sources = emm();
    expect(sources).toHaveLength(40);
    const documented = sources.flatMap((s) => s.eventTypes.flatMap((e) => e.examples.filter((x) => x.origin === 'document')));
    expect(documented).toHaveLength(177);
    expect(new Set(documented.map((x) => x.outcome))).toEqual(
      new Set(['success', 'failure', 'challenge', 'create', 'read', 'update', 'delete', 'download', 'add', 'remove', 'flagged', 'user', 'admin', 'success - email', 'success - calendar']),
    );
  });

  it('gives event types their EMM ids and categories', () => {
    const github = emm().find((s) => s.id === 'emm/github/github_audit_events')!;
    const login = event(github, 'account_login');
    expect(login).toMatchObject({ emmId: 'ET0001', categories: ['authentication'], name: 'Account Login' });
    const ids = new Set(emm().flatMap((s) => s.eventTypes.map((e) => e.emmId)));
    // The pages show ET0001–ET0034; the repository has added ET0035 (Query Resource) since.
    for (const id of ids) expect(id).toMatch(/^ET00(0[1-9]|[12]\d|3[0-5])$/);
    const workspace = emm().find((s) => s.id === 'emm/google_workspace/google_workspace_activity_audit')!;
    expect(event(workspace, 'query_resource')).toMatchObject({ emmId: 'ET0035', categories: ['activity_audit'] });
  });

  it('says GitHub Audit Logs does not log the IP address for Account Login', () => {
    const github = emm().find((s) => s.id === 'emm/github/github_audit_events')!;
    const attributes = event(github, 'account_login').attributes!;
    expect(attributes.find((a) => a.key === 'ip_address')).toMatchObject({ supported: false, paths: [] });
    expect(attributes.find((a) => a.key === 'username')).toMatchObject({ supported: true, paths: ['actor'] });
    // Category defaults apply to the other categories: add_to_group logs the IP address.
    expect(event(github, 'add_to_group').attributes!.find((a) => a.key === 'ip_address')).toMatchObject({ supported: true, paths: ['actor_ip'] });
    // A mapping's YAML null drops an inherited default.
    expect(event(github, 'remove_from_group').attributes!.find((a) => a.key === 'user_agent_name')).toMatchObject({ supported: false });
    // A path may be a list.
    expect(event(github, 'add_to_group').attributes!.find((a) => a.key === 'target_group_name')!.paths).toEqual(['org', 'team', 'repo']);
  });

  it('notes where the published pages and the definitions disagree', () => {
    const duo = emm().find((s) => s.id === 'emm/duo/duo_administrator_logs')!;
    const isp = event(duo, 'account_login').attributes!.find((a) => a.key === 'identity_service_provider_context')!;
    expect(isp.supported).toBe(false);
    expect(isp.note).toMatch(/supported/);
  });

  it('names the discriminator of each source and the codes its examples show', () => {
    const github = emm().find((s) => s.id === 'emm/github/github_audit_events')!;
    expect(github.discriminator).toMatchObject({ field: 'action', completeness: 'partial' });
    expect(event(github, 'account_login').codes).toEqual(['org.sso_response']);
    const okta = emm().find((s) => s.id === 'emm/okta/okta_system_log')!;
    expect(okta.discriminator?.field).toBe('eventType');
  });

  it('answers to the logsource names public Sigma rules use for the same schema, and only those', () => {
    const set = loadCatalogSet();
    expect(set.sourcesForLogsource({ product: 'okta', service: 'okta' }).map((s) => s.id)).toEqual(['emm/okta/okta_system_log']);
    expect(set.sourcesForLogsource({ product: 'github', service: 'audit' }).map((s) => s.id)).toEqual(['emm/github/github_audit_events']);
    expect(set.sourcesForLogsource({ product: 'github', service: 'github_audit_events' }).map((s) => s.id)).toEqual(['emm/github/github_audit_events']);
    expect(set.sourcesForLogsource({ product: 'azure', service: 'auditlogs' })).toEqual([]);
    expect(set.sourcesForLogsource({ product: 'gcp', service: 'google_workspace.admin' })).toEqual([]);
    expect(set.sourcesForLogsource({ product: 'm365', service: 'audit' }).map((s) => s.id)).toHaveLength(4);
  });

  it('has examples whose fields and codes agree with their event type', () => {
    for (const source of emm()) {
      for (const eventType of source.eventTypes) {
        const names = new Set(eventType.fields.map((f) => f.name));
        for (const example of eventType.examples) {
          expect(example.eventType).toBe(eventType.id);
          const paths = new Map<string, FieldType>();
          collectFieldPaths(example.event, paths);
          for (const name of paths.keys()) expect(names.has(name), `${example.ref}: ${name}`).toBe(true);
          if (source.discriminator && eventType.codes.length) {
            const value = valueAtPath(example.event, source.discriminator.field);
            const values = Array.isArray(value) ? value : [value];
            if (value !== undefined) expect(values.some((v) => eventType.codes.includes(v as string)), example.ref).toBe(true);
          }
        }
      }
    }
  });
});

describe('Windows catalog', () => {
  it('restates the SigmaHQ field lists per category and service', () => {
    const set = loadCatalogSet();
    const processCreation = set.sourcesForLogsource({ product: 'windows', category: 'process_creation' })[0];
    const names = set.fieldsOf(processCreation).map((f) => f.name);
    expect(names).toEqual(expect.arrayContaining(['EventID', 'Image', 'CommandLine', 'ParentImage', 'OriginalFileName']));
    expect(processCreation.completeness).toBe('complete');
    const security = set.sourceById('windows/security')!;
    expect(security.completeness).toBe('partial');
  });
});

describe('catalog set lookups', () => {
  it('resolves sample references with and without outcome and index', () => {
    const set = loadCatalogSet();
    expect(set.samples('udr/101')).toHaveLength(1);
    expect(set.samples('udr/101#0')).toEqual(set.samples('udr/101'));
    expect(set.samples('udr/101#1')).toEqual([]);
    expect(set.samples('udr/999')).toEqual([]);
    const okta = 'emm/appomni/appomni_audit_logs/account_login';
    expect(set.samples(okta).map((x) => x.outcome)).toEqual(['success', 'failure']);
    expect(set.samples(`${okta}/failure`)).toHaveLength(1);
  });

  it('finds event types by discriminator value, as number or text', () => {
    const set = loadCatalogSet();
    const source = set.sourceById('udr')!;
    expect(set.eventTypesForCode(source, 204)[0].id).toBe('204');
    expect(set.eventTypesForCode(source, '204')[0].id).toBe('204');
    expect(set.eventTypesForCode(source, 5)).toEqual([]);
  });
});

describe('lazy loading of the built-in catalogs', () => {
  it('has an index that agrees with the catalogs', async () => {
    const { readFileSync } = await import('node:fs');
    const index = JSON.parse(readFileSync(new URL('../../catalogs/index.json', import.meta.url), 'utf8')) as {
      catalogs: { id: string; sources: { id: string; logsources: unknown[] }[] }[];
    };
    for (const loaded of loadBuiltinCatalogs()) {
      const entry = index.catalogs.find((c) => c.id === loaded.catalog.id)!;
      expect(entry.sources).toEqual(loaded.catalog.sources.map((s) => ({ id: s.id, logsources: s.logsources })));
    }
  });

  it('parses only the catalog a lookup needs', async () => {
    const { createCatalogSet } = await import('./catalog-set.js');
    const parsed: string[] = [];
    const spied = loadBuiltinCatalogs().map((loaded) => ({
      origin: loaded.origin,
      diagnostics: loaded.diagnostics,
      outline: loaded.outline,
      get catalog() {
        parsed.push(loaded.origin.path);
        return loaded.catalog;
      },
    }));
    const set = createCatalogSet(spied);
    expect(set.sourcesForLogsource({ product: 'windows', service: 'user-device-registration' }).map((s) => s.id)).toEqual(['udr']);
    expect(set.samples('udr/101')).toHaveLength(1);
    expect(set.samples('udr/999')).toEqual([]);
    expect(new Set(parsed)).toEqual(new Set(['catalogs/udr.json']));
    expect(set.sources.length).toBeGreaterThan(100);
    expect(new Set(parsed).size).toBe(4);
  });
});

describe('valueAtPath', () => {
  it('reads exact keys first, then dotted paths, and never the members every object inherits', () => {
    const event = { 'a.b': 1, a: { b: 2, c: [{ d: 3 }, { d: 4 }] } };
    expect(valueAtPath(event, 'a.b')).toBe(1);
    expect(valueAtPath(event, 'a.c.d')).toEqual([3, 4]);
    expect(valueAtPath(event, 'constructor')).toBeUndefined();
    expect(valueAtPath(event, 'a.toString')).toBeUndefined();
  });
});
