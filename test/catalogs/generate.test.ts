import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseUdrDocument, templateFieldNames } from '../../scripts/catalogs/udr.js';
import { parseEmmDocument } from '../../scripts/catalogs/emm-document.js';
import { matchJsonValue } from '../../scripts/catalogs/json-blocks.js';
import type { Catalog } from '../../src/catalog/model.js';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHARED = path.resolve(ROOT, '../shared');
const haveShared = existsSync(path.join(SHARED, 'seeds')) && existsSync(path.join(SHARED, 'corpora/emm'));
if (!haveShared) console.warn(`skipping catalog generator tests: ${SHARED} (reference documents and corpora) is absent`);

function generateInto(): string {
  const out = mkdtempSync(path.join(tmpdir(), 'rulecheck-catalogs-'));
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts/generate-catalogs.ts'), '--out', out, '--shared', SHARED], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  return out;
}

describe.skipIf(!haveShared)('catalog generator', () => {
  it('is deterministic and matches the committed catalogs', () => {
    const first = generateInto();
    const second = generateInto();
    const names = readdirSync(first).sort();
    expect(names).toEqual(['emm.json', 'index.json', 'intune.json', 'udr.json', 'windows.json']);
    expect(readdirSync(second).sort()).toEqual(names);
    for (const name of names) {
      const content = readFileSync(path.join(first, name), 'utf8');
      expect(readFileSync(path.join(second, name), 'utf8') === content, `${name} differs between two runs`).toBe(true);
      const committed = readFileSync(path.join(ROOT, 'catalogs', name), 'utf8');
      expect(committed === content, `catalogs/${name} is stale: run \`npx tsx scripts/generate-catalogs.ts\``).toBe(true);
    }
  });

  it('reads every UDR heading, including the doubled 421 and events without a message', () => {
    const events = parseUdrDocument(readFileSync(path.join(SHARED, 'seeds/000_0317029bd909f6c8.txt'), 'utf8'));
    expect(events).toHaveLength(215);
    expect(events.filter((e) => e.id === 421)).toHaveLength(2);
    expect(events.filter((e) => e.examples.length > 0)).toHaveLength(21);
  });

  it('splits the EMM pages into their event sources', () => {
    const pages = parseEmmDocument(readFileSync(path.join(SHARED, 'seeds/002_ee5aa98be8f3d4b1.txt'), 'utf8'));
    expect(pages.map((p) => p.sourceName)).toEqual([
      'Audit Logs', 'Admin Logs', 'Duo Administrator Logs', 'Duo Authentication Logs', 'Audit Logs', 'Webhook Events',
      'Workspace Activity Audit', 'Azure Active Directory Audit Logs', 'Exchange Audit Logs', 'General Audit Logs',
    ]);
    expect(pages.map((p) => p.truncated)).toEqual([false, false, false, false, false, false, false, false, false, true]);
    expect(pages.reduce((n, p) => n + p.eventTypes.reduce((m, e) => m + e.samples.length, 0), 0)).toBe(177);
    const githubLogin = pages[4].eventTypes.find((e) => e.emmId === 'ET0001')!;
    expect(githubLogin.unsupported).toContain('IP Address');
  });
});

describe.skipIf(!haveShared)('EMM pages against the repository definitions', () => {
  it('give every attribute a page lists as supported a path, or a note saying why not', () => {
    const pages = parseEmmDocument(readFileSync(path.join(SHARED, 'seeds/002_ee5aa98be8f3d4b1.txt'), 'utf8'));
    const catalog = JSON.parse(readFileSync(path.join(ROOT, 'catalogs/emm.json'), 'utf8')) as Catalog;
    const sourceOfPage = ['appomni_audit_logs', 'box_admin_logs', 'duo_administrator_logs', 'duo_authentication_logs', 'github_audit_events',
      'github_webhook_events', 'google_workspace_activity_audit', 'audit_azure_ad_logging', 'audit_exchange_logging', 'audit_general_logging'];
    let checked = 0;
    pages.forEach((page, i) => {
      const source = catalog.sources.find((s) => s.id.endsWith(`/${sourceOfPage[i]}`))!;
      for (const documented of page.eventTypes) {
        const eventType = source.eventTypes.find((e) => e.emmId === documented.emmId);
        if (!eventType) {
          if (documented.supported.length) expect(source.notes?.join(' '), `${source.id} ${documented.emmId}`).toContain(documented.emmId);
          continue;
        }
        for (const name of documented.supported) {
          const attribute = eventType.attributes!.find((a) => a.name === name)!;
          expect(attribute, `${source.id} ${eventType.id} ${name}`).toBeDefined();
          expect(attribute.supported || Boolean(attribute.note), `${source.id} ${eventType.id} ${name}`).toBe(true);
          checked++;
        }
      }
    });
    expect(checked).toBeGreaterThan(1000);
  });
});

describe('generator helpers', () => {
  it('match braces in JSON without being fooled by braces inside strings', () => {
    const text = 'prose {"a": "}", "b": {"c": "\\"{"}} more {';
    const start = text.indexOf('{');
    expect(JSON.parse(text.slice(start, matchJsonValue(text, start)))).toEqual({ a: '}', b: { c: '"{' } });
  });

  it('find the field names a message template names', () => {
    const known = new Set(['ExitCode', 'Folder', 'TaskName']);
    expect(templateFieldNames('The discovery request send operation failed with exit code: ExitCode.', known)).toEqual(['ExitCode']);
    expect(templateFieldNames('Unable to add account UserSID to group Group.', known)).toEqual(['UserSID', 'Group']);
    expect(templateFieldNames('Unable to copy security identifier (SID) SID.', known)).toEqual(['SID']);
    expect(templateFieldNames('The task Folder\\TaskName was successfully enabled.', known)).toEqual(['Folder', 'TaskName']);
    expect(templateFieldNames('Unable to connect to Local Security Authority (LSA) server.', known)).toEqual([]);
    expect(templateFieldNames('The FIDO credential was successfully registered with Azure AD.', known)).toEqual([]);
  });
});

describe('JSON read from the documents', () => {
  it('keeps integers beyond 2^53 exact, as decimal text', async () => {
    const { readJsonValue } = await import('../../scripts/catalogs/json-blocks.js');
    const text = '{"keywords": 9223372036854775808, "id": 100, "ratio": -1.5e3, "s": "9223372036854775808 \\" 1"}';
    expect(readJsonValue(text, 0).value).toEqual({ keywords: '9223372036854775808', id: 100, ratio: -1500, s: '9223372036854775808 " 1' });
  });
});
