import { afterEach, describe, expect, it } from 'vitest';
import { loadCatalogSet } from '../../src/catalog/load.js';
import { temporaryProjects } from '../helpers/fixture-project.js';

/** Two Okta rules and one GitHub rule over flat SaaS events. */
const OKTA_MFA_RESET = `title: Okta MFA Factor Reset
id: 9b4f3d2a-5c1e-4b7a-8f60-2d1e3c4b5a69
status: test
logsource:
    product: okta
    service: okta
detection:
    selection:
        eventType: user.mfa.factor.reset_all
    condition: selection
level: medium
`;

const OKTA_ADMIN_ROLE = `title: Okta Admin Role Assigned
id: 4e2a1c9b-7d3f-4a51-b8e6-0c9d2f1a3e57
status: test
logsource:
    product: okta
    service: okta
detection:
    selection:
        eventType: user.account.privilege.grant
    filter_service:
        actor.alternateId|endswith: '@svc.example.com'
    condition: selection and not filter_service
level: high
`;

const okta = (eventType: string, actor: string) => JSON.stringify({ eventType, actor: { alternateId: actor }, outcome: { result: 'SUCCESS' } });

const make = temporaryProjects();

describe('fixture manifests', () => {
  const files = {
    'rules/okta_mfa_reset.yml': OKTA_MFA_RESET,
    'rules/okta_admin_role.yml': OKTA_ADMIN_ROLE,
    'fixtures/okta/day1.jsonl': [okta('user.session.start', 'alice@example.com'), okta('user.mfa.factor.reset_all', 'bob@example.com')].join('\n') + '\n',
    'fixtures/okta/day2.jsonl': [okta('user.account.privilege.grant', 'ops@svc.example.com'), okta('user.account.privilege.grant', 'eve@example.com')].join('\n') + '\n',
  };

  it('checks which rules must and must not fire on a folder of events', async () => {
    const p = make({
      ...files,
      'fixtures/okta/fixtures.yml': `match:
    - Okta MFA Factor Reset
    - 4e2a1c9b-7d3f-4a51-b8e6-0c9d2f1a3e57
tests:
    - rule: Okta Admin Role Assigned
      expect: 1
      files: [day2.jsonl]
      name: only the human grant fires
    - rule: Okta Admin Role Assigned
      expect: no-match
      files: [day2.jsonl#0, day1.jsonl]
`,
    });
    const run = await p.run();
    expect(run.files.find((f) => f.path === 'fixtures/okta/fixtures.yml')?.diagnostics).toEqual([]);
    expect(run.tests.map((t) => [t.rule, t.name, t.source, t.status, t.declaredIn])).toEqual([
      ['Okta MFA Factor Reset', 'fires on fixtures/okta', 'manifest', 'pass', 'fixtures/okta/fixtures.yml'],
      ['Okta Admin Role Assigned', 'fires on fixtures/okta', 'manifest', 'pass', 'fixtures/okta/fixtures.yml'],
      ['Okta Admin Role Assigned', 'only the human grant fires', 'manifest', 'pass', 'fixtures/okta/fixtures.yml'],
      ['Okta Admin Role Assigned', 'stays quiet on fixtures/okta', 'manifest', 'pass', 'fixtures/okta/fixtures.yml'],
    ]);
  });

  it('fails a rule that fires where the manifest says it must not, naming the selection', async () => {
    const p = make({ ...files, 'fixtures/okta/fixtures.yml': `no-match:\n    - Okta Admin Role Assigned\n` });
    const run = await p.run();
    expect(run.tests).toHaveLength(1);
    const [test] = run.tests;
    expect(test).toMatchObject({ status: 'fail', expected: 'no-match', actual: '1 of 4 match', span: { line: 2 } });
    expect(test.message).toContain('fixtures/okta/day2.jsonl#1');
    expect(test.message).toContain('`selection` matches');
    expect(test.message).toContain('user.account.privilege.grant');
  });

  it('reports unknown and ambiguous rules, bad expectations and missing files in the manifest', async () => {
    const p = make({
      ...files,
      'rules/okta_mfa_reset_copy.yml': OKTA_MFA_RESET.replace('9b4f3d2a-5c1e-4b7a-8f60-2d1e3c4b5a69', '9b4f3d2a-5c1e-4b7a-8f60-2d1e3c4b5a70'),
      'fixtures/okta/fixtures.yml': `match:
    - Okta Admin Role Asigned
    - Okta MFA Factor Reset
tests:
    - rule: Okta Admin Role Assigned
      expect: sometimes
    - rule: Okta Admin Role Assigned
      expect: match
      files: [day9.jsonl]
    - rule: Okta Admin Role Assigned
      expect: match
      files: [day2.jsonl#5]
`,
    });
    const run = await p.run();
    const manifest = run.files.find((f) => f.path === 'fixtures/okta/fixtures.yml')!;
    expect(manifest.diagnostics.map((d) => [d.id, d.span.line])).toEqual([
      ['test/unknown-rule', 2],
      ['test/ambiguous-rule', 3],
      ['test/bad-expect', 6],
      ['test/missing-fixture', 9],
      ['test/index-out-of-range', 12],
    ]);
    expect(manifest.diagnostics[0].hint).toBe('Did you mean `Okta Admin Role Assigned`?');
    expect(run.tests).toEqual([]);
  });

  it('reports a manifest whose folder holds no events', async () => {
    const p = make({ 'rules/okta_mfa_reset.yml': OKTA_MFA_RESET, 'fixtures/empty/fixtures.yml': `match:\n    - Okta MFA Factor Reset\n` });
    const run = await p.run();
    expect(run.files.find((f) => f.path === 'fixtures/empty/fixtures.yml')?.diagnostics).toMatchObject([
      { id: 'test/no-events', severity: 'error', span: { line: 1 } },
    ]);
    expect(run.tests).toEqual([]);
  });
});

describe('baseline replay', () => {
  it('reports every undeclared fire as an unexpected match, an error under --strict', async () => {
    const p = make({
      'rules/okta_admin_role.yml': OKTA_ADMIN_ROLE,
      'rules/okta_mfa_reset.yml': `${OKTA_MFA_RESET}tests:
    - name: the known reset in the baseline
      expect: match
      fixture: ../baseline/okta.jsonl#1
`,
      'baseline/okta.jsonl': [
        okta('user.session.start', 'alice@example.com'),
        okta('user.mfa.factor.reset_all', 'helpdesk@example.com'),
        okta('user.account.privilege.grant', 'eve@example.com'),
        okta('user.account.privilege.grant', 'ops@svc.example.com'),
      ].join('\n') + '\n',
    });
    const run = await p.run({ baseline: [p.path('baseline')], logsource: 'off' }, ['rules']);
    const baseline = run.files.find((f) => f.path === 'baseline/okta.jsonl')!;
    expect(baseline.diagnostics).toHaveLength(1);
    const [finding] = baseline.diagnostics;
    expect(finding).toMatchObject({ id: 'test/unexpected-match', severity: 'warning', span: { line: 3 } });
    expect(finding.message).toContain('Okta Admin Role Assigned');
    expect(finding.message).toContain('rules/okta_admin_role.yml');
    expect(finding.message).toContain('event 2 of `baseline/okta.jsonl`');
    expect(finding.message).toContain('`selection` matches');
    expect(run.baseline).toEqual({ folders: ['baseline'], events: 4, fires: 2, unexpected: 1 });

    const strict = await p.run({ baseline: [p.path('baseline')], logsource: 'off', strict: true }, ['rules']);
    expect(strict.files.find((f) => f.path === 'baseline/okta.jsonl')!.diagnostics.map((d) => d.severity)).toEqual(['error']);
  });

  it('takes a manifest in the baseline folder as the allow-list of known fires', async () => {
    const p = make({
      'rules/okta_admin_role.yml': OKTA_ADMIN_ROLE,
      'baseline/okta.jsonl': `${okta('user.account.privilege.grant', 'eve@example.com')}\n`,
      'baseline/fixtures.yml': `match:\n    - Okta Admin Role Assigned\n`,
    });
    const run = await p.run({ baseline: [p.path('baseline')], logsource: 'off' }, ['rules', 'baseline']);
    expect(run.files.flatMap((f) => f.diagnostics)).toEqual([]);
    expect(run.tests.map((t) => [t.source, t.status])).toEqual([['manifest', 'pass']]);
  });

  it('replays with strict logsources: a Windows rule does not fire on events of another channel', async () => {
    const p = make({
      'rules/whoami.yml': `title: Whoami Run
id: 11111111-2222-4333-8444-555555555555
status: test
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
level: low
`,
      'baseline/mixed.jsonl': [
        JSON.stringify({ EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', Image: 'C:\\Windows\\System32\\whoami.exe' }),
        JSON.stringify({ EventID: 11, Channel: 'Microsoft-Windows-Sysmon/Operational', Image: 'C:\\Windows\\System32\\whoami.exe' }),
      ].join('\n') + '\n',
    });
    const run = await p.run({ baseline: [p.path('baseline')] }, ['rules']);
    const findings = run.files.find((f) => f.path === 'baseline/mixed.jsonl')!.diagnostics;
    expect(findings.map((d) => [d.id, d.span.line])).toEqual([['test/unexpected-match', 1]]);
  });
});

describe('documented samples', () => {
  it('runs `sample:` references against the examples of the built-in catalogs', async () => {
    const p = make({
      'rules/udr_join_failed.yml': `title: Device Join Failed During Discovery
id: 7a3b5c9d-1e2f-4a6b-8c0d-9e8f7a6b5c4d
status: test
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventID: 304
        ExitCode: -2145648611
    condition: selection
level: medium
tests:
    - name: the documented join failure
      expect: match
      sample: udr/304
    - name: a documented success stays quiet
      expect: no-match
      sample: udr/101
    - name: wrongly expects the success to fire
      expect: match
      sample: udr/101
    - name: a typo in the reference
      expect: match
      sample: udr/3044
`,
    });
    const run = await p.run({ catalogs: () => loadCatalogSet({ cwd: p.dir }) });
    expect(run.tests.map((t) => [t.name, t.status])).toEqual([
      ['the documented join failure', 'pass'],
      ['a documented success stays quiet', 'pass'],
      ['wrongly expects the success to fire', 'fail'],
    ]);
    expect(run.tests[2].message).toContain('sample udr/101');
    expect(run.tests[2].message).toContain('`EventID`');
    expect(run.tests[2].message).toContain('`101`');
    expect(run.ruleDiagnostics).toMatchObject([{ id: 'test/unknown-sample', span: { line: 25 } }]);
    expect(run.ruleDiagnostics[0].hint).toContain('udr/304');
  });
});
