import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCatalogSet } from '../catalog/load.js';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadRuleText } from '../rule/load.js';
import { checkCoverage, type CoverageOptions } from './run.js';

const builtin = loadCatalogSet({});

const LOGSOURCES = {
  udr: 'product: windows\n  service: user-device-registration',
  intune: 'product: windows\n  service: intune-connector',
  github: 'product: github\n  service: audit',
  okta: 'product: okta\n  service: okta',
  process: 'product: windows\n  category: process_creation',
  m365: 'product: m365\n  service: audit',
} as const;

/** A rule with the given logsource and detection body (indented under `detection:`). */
function ruleYaml(logsource: string, detection: string): string {
  return `title: Coverage test rule\nid: 5b0bd8a1-4c7e-4a55-9f0e-2f8c0e4f6d11\nstatus: test\nlogsource:\n  ${logsource}\ndetection:\n${detection
    .trim()
    .split('\n')
    .map((l) => `  ${l}`)
    .join('\n')}\nlevel: medium\n`;
}

function findings(yaml: string, options: CoverageOptions = { set: builtin }): { diagnostics: Diagnostic[]; text: string } {
  const loaded = loadRuleText('rule.yml', yaml);
  expect(loaded.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  return { diagnostics: checkCoverage(loaded.rules, options).diagnostics, text: yaml };
}

/** What the finding points at in the rule text. */
const at = (text: string, d: Diagnostic) => text.slice(d.span.offset, d.span.endOffset);

interface Case {
  name: string;
  logsource: string;
  detection: string;
  /** Expected findings as `id severity @located-text`, in file order; empty for a clean rule. */
  expect: string[];
  hint?: RegExp;
  message?: RegExp;
}

const CASES: Case[] = [
  // UDR
  { name: 'UDR: documented fields of the selected event', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID: 304\n  ExitCode: -2145648611\n  JoinType: DRS\ncondition: selection', expect: [] },
  { name: 'UDR: constant fields with their value', logsource: LOGSOURCES.udr, detection: "selection:\n  Channel: 'Microsoft-Windows-User Device Registration/Admin'\n  Provider_Name: 'Microsoft-Windows-User Device Registration'\n  EventID: 101\ncondition: selection", expect: [] },
  { name: 'UDR: unknown field, case hint', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventId: 304\ncondition: selection', expect: ['coverage/unknown-field warning @EventId'], hint: /`EventID`/ },
  { name: 'UDR: field of another event', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID: 101\n  Domain: contoso.com\ncondition: selection', expect: ['coverage/field-not-in-event warning @Domain'], hint: /`102`/ },
  { name: 'UDR: field of one of the OR-ed events', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID:\n    - 101\n    - 102\n  Domain: contoso.com\ncondition: selection', expect: [] },
  { name: 'UDR: unknown event', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID: 999\ncondition: selection', expect: ['coverage/unknown-event error @999'] },
  { name: 'UDR: known event, no finding', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID: 204\ncondition: selection', expect: [] },
  { name: 'UDR: contains on an Int32 field', logsource: LOGSOURCES.udr, detection: "selection:\n  EventID: 304\n  ExitCode|contains: '2145'\ncondition: selection", expect: ['coverage/value-type error @contains'] },
  { name: 'UDR: text against an Int32 field', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID: 304\n  ExitCode: failed\ncondition: selection', expect: ['coverage/value-type error @failed'] },
  { name: 'UDR: number out of Int32 range', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID: 304\n  ExitCode: 4294967296\ncondition: selection', expect: ['coverage/value-type error @4294967296'] },
  { name: 'UDR: text as an event ID', logsource: LOGSOURCES.udr, detection: 'selection:\n  EventID: join\ncondition: selection', expect: ['coverage/value-type error @join'] },
  { name: 'UDR: numeric text is a number', logsource: LOGSOURCES.udr, detection: "selection:\n  EventID: '304'\n  ExitCode: '-2145648611'\ncondition: selection", expect: [] },
  { name: 'UDR: value outside a constant', logsource: LOGSOURCES.udr, detection: 'selection:\n  Channel: Security\n  EventID: 204\ncondition: selection', expect: ['coverage/unknown-value warning @Security'] },
  // Intune connector
  { name: 'Intune: a diagnostic code the event carries', logsource: LOGSOURCES.intune, detection: "selection:\n  EventID: 20102\n  DiagnosticCode: '0x00000400'\ncondition: selection", expect: [] },
  { name: 'Intune: a diagnostic code the event does not carry', logsource: LOGSOURCES.intune, detection: "selection:\n  EventID: 10010\n  DiagnosticCode: '0x00000400'\ncondition: selection", expect: ['coverage/unknown-value warning @\'0x00000400\''], hint: /documented for EventID `20102`/ },
  { name: 'Intune: an undocumented diagnostic code', logsource: LOGSOURCES.intune, detection: "selection:\n  DiagnosticCode: '0x00000999'\ncondition: selection", expect: ['coverage/unknown-value warning @\'0x00000999\''] },
  { name: 'Intune: unknown event', logsource: LOGSOURCES.intune, detection: 'selection:\n  EventID: 10011\ncondition: selection', expect: ['coverage/unknown-event error @10011'] },
  { name: 'Intune: values under not do not select', logsource: LOGSOURCES.intune, detection: "selection:\n  DiagnosticCode: '0x00000400'\nfilter:\n  EventID: 10010\ncondition: selection and not filter", expect: [] },
  { name: 'Intune: AND narrows the selection', logsource: LOGSOURCES.intune, detection: "event:\n  EventID: 10010\ncode:\n  DiagnosticCode: '0x00000400'\ncondition: event and code", expect: ['coverage/unknown-value warning @\'0x00000400\''] },
  { name: 'Intune: unknown field on a partial source', logsource: LOGSOURCES.intune, detection: 'selection:\n  EventID: 20100\n  TemplateName: WebServer\ncondition: selection', expect: ['coverage/unknown-field info @TemplateName'] },
  // EMM
  { name: 'GitHub: IP address of an account login is not logged', logsource: LOGSOURCES.github, detection: "selection:\n  action: org.sso_response\n  actor_ip: '203.0.113.7'\ncondition: selection", expect: ['coverage/unsupported-attribute warning @actor_ip'], message: /IP Address/ },
  { name: 'GitHub: IP address of a team creation is logged', logsource: LOGSOURCES.github, detection: "selection:\n  action: team.create\n  actor_ip: '203.0.113.7'\ncondition: selection", expect: [] },
  { name: 'GitHub: unknown action selects nothing known, no event findings', logsource: LOGSOURCES.github, detection: "selection:\n  action: org.some_new_action\n  actor_ip: '203.0.113.7'\ncondition: selection", expect: [] },
  { name: 'Okta: case near-miss of a listed field', logsource: LOGSOURCES.okta, detection: 'selection:\n  eventtype: user.session.start\ncondition: selection', expect: ['coverage/unknown-field warning @eventtype'], hint: /`eventType`/ },
  { name: 'Okta: near-miss in a path', logsource: LOGSOURCES.okta, detection: "selection:\n  eventType: user.session.start\n  actor.alternateID: 'admin@example.com'\ncondition: selection", expect: ['coverage/unknown-field warning @actor.alternateID'], hint: /`actor.alternateId`/ },
  { name: 'Okta: a field the partial list does not name', logsource: LOGSOURCES.okta, detection: 'selection:\n  eventType: user.session.start\n  debugContext.debugData.requestUri: /login\ncondition: selection', expect: ['coverage/unknown-field info @debugContext.debugData.requestUri'] },
  { name: 'Okta: listed fields only', logsource: LOGSOURCES.okta, detection: "selection:\n  eventType: user.session.start\n  actor.alternateId: 'admin@example.com'\n  client.ipAddress: '203.0.113.7'\ncondition: selection", expect: [] },
  { name: 'M365: a field one of the bound sources knows', logsource: LOGSOURCES.m365, detection: 'selection:\n  Operation: Add member to role.\n  ClientIP: 203.0.113.7\ncondition: selection', expect: [] },
  // Windows field lists
  { name: 'Windows: SigmaHQ fields of process_creation', logsource: LOGSOURCES.process, detection: "selection:\n  Image|endswith: '\\\\whoami.exe'\n  CommandLine|contains: '/all'\ncondition: selection", expect: [] },
  { name: 'Windows: edit-distance near-miss', logsource: LOGSOURCES.process, detection: "selection:\n  CommandLinee|contains: '/all'\ncondition: selection", expect: ['coverage/unknown-field warning @CommandLinee'], hint: /`CommandLine`/ },
  { name: 'Windows: Security 4688 name through the field mapping', logsource: LOGSOURCES.process, detection: "selection:\n  NewProcessName|endswith: '\\\\whoami.exe'\ncondition: selection", expect: [] },
  { name: 'Windows: a field no list names', logsource: LOGSOURCES.process, detection: "selection:\n  ProcessPath|endswith: '\\\\whoami.exe'\ncondition: selection", expect: ['coverage/unknown-field warning @ProcessPath'] },
  // Unknown logsource
  { name: 'unknown logsource: one info finding, no field findings', logsource: 'product: acme\n  service: widgets', detection: 'selection:\n  EventId: 1\n  Whatever: x\ncondition: selection', expect: ['coverage/unknown-logsource info @product: acme\n  service: widgets'] },
  { name: 'azure auditlogs are not bound to EMM', logsource: 'product: azure\n  service: auditlogs', detection: 'selection:\n  Operation: x\ncondition: selection', expect: ['coverage/unknown-logsource info @product: azure\n  service: auditlogs'] },
];

describe('coverage diagnostics', () => {
  it.each(CASES)('$name', (c) => {
    const { diagnostics, text } = findings(ruleYaml(c.logsource, c.detection));
    expect(diagnostics.map((d) => `${d.id} ${d.severity} @${at(text, d)}`)).toEqual(c.expect);
    if (c.hint) expect(diagnostics[0].hint).toMatch(c.hint);
    if (c.message) expect(diagnostics[0].message).toMatch(c.message);
    for (const d of diagnostics) expect(d.span.line).toBeGreaterThan(0);
  });

  it('the config field mappings make another name known', () => {
    const yaml = ruleYaml(LOGSOURCES.process, "selection:\n  CmdLine|contains: '/all'\ncondition: selection");
    expect(findings(yaml).diagnostics.map((d) => d.id)).toEqual(['coverage/unknown-field']);
    expect(findings(yaml, { set: builtin, fieldMappings: { CmdLine: ['CommandLine'] } }).diagnostics).toEqual([]);
  });

  it('a user catalog binds its logsource and says whether its list is complete', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'rulecheck-coverage-'));
    const catalog = (completeness: string) => ({
      formatVersion: 1,
      id: 'acme',
      title: 'Acme',
      sources: [
        {
          id: 'acme/audit',
          title: 'Acme audit log',
          logsources: [{ product: 'acme', service: 'audit', kind: 'primary' }],
          discriminator: { field: 'event', type: 'string', completeness: 'complete' },
          constants: [],
          commonFields: [{ name: 'username', type: 'string', origin: 'definition' }],
          completeness,
          eventTypes: [{ id: 'login', codes: ['login'], name: 'Login', fields: [{ name: 'ip', type: 'string', origin: 'definition' }], examples: [], completeness: 'complete' }],
        },
      ],
    });
    const yaml = ruleYaml('product: acme\n  service: audit', 'selection:\n  event: login\n  ip: 203.0.113.7\n  usernme: bob\ncondition: selection');
    for (const [completeness, severity] of [['complete', 'warning'], ['partial', 'info']] as const) {
      const file = path.join(dir, `acme-${completeness}.json`);
      writeFileSync(file, JSON.stringify(catalog(completeness)));
      const set = loadCatalogSet({ catalogs: [file] });
      const { diagnostics, text } = findings(yaml, { set });
      expect(diagnostics.map((d) => `${d.id} ${d.severity} @${at(text, d)}`)).toEqual([`coverage/unknown-field ${severity} @usernme`]);
      expect(diagnostics[0].hint).toBe('Did you mean `username`?');
    }
    const file = path.join(dir, 'acme-complete.json');
    const unknownEvent = findings(ruleYaml('product: acme\n  service: audit', 'selection:\n  event: logout\ncondition: selection'), { set: loadCatalogSet({ catalogs: [file] }) });
    expect(unknownEvent.diagnostics.map((d) => d.id)).toEqual(['coverage/unknown-event']);
  });

  it('reports every finding with the rule file and a located span', () => {
    const { diagnostics } = findings(ruleYaml(LOGSOURCES.udr, 'selection:\n  EventId: 304\n  EventID: 999\ncondition: selection'));
    expect(diagnostics.map((d) => [d.file, d.span.line, d.span.column])).toEqual([
      ['rule.yml', 9, 5],
      ['rule.yml', 10, 14],
    ]);
  });
});
