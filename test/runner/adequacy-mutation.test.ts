import { afterEach, describe, expect, it } from 'vitest';
import { loadRuleText } from '../../src/rule/load.js';
import type { DetectionRule } from '../../src/rule/model.js';
import { makeMutants } from '../../src/fixtures/mutate.js';
import { temporaryProjects } from '../helpers/fixture-project.js';

/** A rule with a value list, two selections, a filter, and an `or`. */
const RULE = `title: Suspicious Certificate Request Failure
id: 5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a
status: test
logsource:
    product: windows
    service: intune-connector
detection:
    selection_event:
        EventID: 1002
    selection_code:
        DiagnosticCode:
            - '0x00000400'
            - '0x00000401'
            - '0x00000402'
    selection_template:
        CertificateTemplateName|contains: 'Admin'
    filter_test:
        DeviceId|startswith: 'TEST-'
    condition: selection_event and (selection_code or selection_template) and not filter_test
level: high
`;

const TESTS_WEAK = `tests:
    - name: fires on the first code
      expect: match
      event: {EventID: 1002, DiagnosticCode: '0x00000400', DeviceId: D-1, CertificateTemplateName: User}
    - name: quiet on another event
      expect: no-match
      event: {EventID: 1001, DiagnosticCode: '0x00000400', DeviceId: D-1}
`;

const TESTS_STRONG = `tests:
    - name: fires on each code
      expect: match
      events:
          - {EventID: 1002, DiagnosticCode: '0x00000400', DeviceId: D-1, CertificateTemplateName: User}
          - {EventID: 1002, DiagnosticCode: '0x00000401', DeviceId: D-1, CertificateTemplateName: User}
          - {EventID: 1002, DiagnosticCode: '0x00000402', DeviceId: D-1, CertificateTemplateName: User}
    - name: fires on an admin template alone
      expect: match
      event: {EventID: 1002, DiagnosticCode: '0x00000000', DeviceId: D-1, CertificateTemplateName: DomainAdmin}
    - name: quiet on test devices, other events, other codes and templates
      expect: no-match
      events:
          - {EventID: 1002, DiagnosticCode: '0x00000400', DeviceId: TEST-7, CertificateTemplateName: User}
          - {EventID: 1001, DiagnosticCode: '0x00000400', DeviceId: D-1, CertificateTemplateName: DomainAdmin}
          - {EventID: 1002, DiagnosticCode: '0x00000000', DeviceId: D-1, CertificateTemplateName: User}
`;

const newProject = temporaryProjects();

describe('test adequacy', () => {
  it('lists the items and list values no test exercised', async () => {
    const project = newProject({ 'rules/intune_cert.yml': RULE + TESTS_WEAK });
    const run = await project.run();
    expect(run.tests.map((t) => t.status)).toEqual(['pass', 'pass']);
    const [adequacy] = run.adequacy;
    expect(adequacy).toMatchObject({ rule: 'Suspicious Certificate Request Failure', tested: true, items: { total: 4, exercised: 2 }, values: { total: 6, exercised: 2 } });
    expect(adequacy.untested.map((u) => [u.description, u.line])).toEqual([
      ["selection_code: `DiagnosticCode` value `0x00000401`", 13],
      ["selection_code: `DiagnosticCode` value `0x00000402`", 14],
      ["selection_template: `CertificateTemplateName|contains`", 16],
      ["filter_test: `DeviceId|startswith`", 18],
    ]);
    // 2 of 6 units: EventID and the first code.
    expect(adequacy.percent).toBe(33.3);
  });

  it('counts everything once the tests hit each value and the filter', async () => {
    const project = newProject({ 'rules/intune_cert.yml': RULE + TESTS_STRONG });
    const run = await project.run();
    expect(run.tests.every((t) => t.status === 'pass')).toBe(true);
    expect(run.adequacy[0]).toMatchObject({ percent: 100, untested: [] });
  });

  it('fails rules below --min-item-coverage, untested rules included', async () => {
    const project = newProject({
      'rules/intune_cert.yml': RULE + TESTS_WEAK,
      'rules/untested.yml': RULE.replace('5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2a', '5d7e9f1a-2b3c-4d5e-8f6a-7b8c9d0e1f2b').replace('Suspicious Certificate Request Failure', 'Untested Copy'),
    });
    const run = await project.run({ minItemCoverage: 50 });
    expect(run.ruleDiagnostics.map((d) => [d.id, d.file, d.severity])).toEqual([
      ['test/low-item-coverage', 'rules/intune_cert.yml', 'error'],
      ['test/low-item-coverage', 'rules/untested.yml', 'error'],
    ]);
    expect(run.ruleDiagnostics[0].message).toContain('33.3%');
    expect(run.ruleDiagnostics[0].hint).toContain('0x00000401');
    expect(run.ruleDiagnostics[1].message).toContain('no tests');
    const lenient = await project.run({ minItemCoverage: 30 });
    expect(lenient.ruleDiagnostics.map((d) => d.file)).toEqual(['rules/untested.yml']);
  });
});

describe('mutation check', () => {
  function ruleOf(text: string): DetectionRule {
    const rule = loadRuleText('rules/intune_cert.yml', text).rules[0];
    if (rule.kind !== 'detection') throw new Error('expected a detection rule');
    return rule;
  }

  it('builds mutants of each kind on the model, leaving the original untouched', () => {
    const rule = ruleOf(RULE);
    const before = JSON.stringify(rule.detection.conditions.map((c) => c.expression?.type));
    const mutants = makeMutants(rule);
    const kinds = new Set(mutants.map((m) => m.kind));
    expect([...kinds].sort()).toEqual(['change-value', 'flip-not', 'swap-and-or']);
    expect(mutants.filter((m) => m.kind === 'change-value')).toHaveLength(6);
    expect(mutants.find((m) => m.kind === 'flip-not')?.description).toBe('condition: `not` removed before filter_test');
    expect(mutants.filter((m) => m.kind === 'swap-and-or').map((m) => m.description)).toEqual([
      'condition: `and` → `or` in selection_event and (selection_code or selection_template) and not filter_test',
      'condition: `or` → `and` in selection_code or selection_template',
    ]);
    expect(JSON.stringify(rule.detection.conditions.map((c) => c.expression?.type))).toBe(before);
    expect(rule.detection.searches[1].alternatives[0][0].values[0].value).toBe('0x00000400');
  });

  it('drops items of multi-item selections and alternatives of lists of maps', () => {
    const rule = ruleOf(`title: Two Items
logsource: {product: windows, service: intune-connector}
detection:
    selection:
        - EventID: 1002
          DeviceId: D-1
        - EventID: 1003
    condition: selection
`);
    const descriptions = makeMutants(rule).map((m) => `${m.kind}: ${m.description}`);
    expect(descriptions).toContain('drop-item: selection: item `EventID` removed');
    expect(descriptions).toContain('drop-alternative: selection: alternative 2 of 2 removed');
  });

  it('reports the mutants that weak tests let survive', async () => {
    const project = newProject({ 'rules/intune_cert.yml': RULE + TESTS_WEAK });
    const run = await project.run({ mutate: true });
    const [report] = run.mutants!;
    expect(report.skipped).toBeUndefined();
    expect(report.total).toBe(9);
    // The positive case pins EventID and the first code, and the negation of the filter (removing
    // `not` silences it); nothing tests the other codes, the template or the filter itself.
    expect(report.survivors.map((s) => [s.kind, s.description, s.span.line])).toEqual([
      ['change-value', 'selection_code: `DiagnosticCode` value `0x00000401` → `0x00000401rulecheck-mutant`', 13],
      ['change-value', 'selection_code: `DiagnosticCode` value `0x00000402` → `0x00000402rulecheck-mutant`', 14],
      ['change-value', 'selection_template: `CertificateTemplateName|contains` value `Admin` → `Adminrulecheck-mutant`', 16],
      ['change-value', 'filter_test: `DeviceId|startswith` value `TEST-` → `TEST-rulecheck-mutant`', 18],
    ]);
    expect(report.killed).toBe(5);
  });

  it('kills every mutant when the tests pin the rule down', async () => {
    const project = newProject({ 'rules/intune_cert.yml': RULE + TESTS_STRONG });
    const run = await project.run({ mutate: true });
    expect(run.mutants![0]).toMatchObject({ total: 9, killed: 9, survivors: [] });
  });

  it('skips rules whose own tests fail', async () => {
    const project = newProject({
      'rules/intune_cert.yml': `${RULE}tests:\n    - name: wrong\n      expect: no-match\n      event: {EventID: 1002, DiagnosticCode: '0x00000400', DeviceId: D-1}\n`,
    });
    const run = await project.run({ mutate: true });
    expect(run.mutants![0]).toMatchObject({ total: 0, skipped: 'its tests do not all pass' });
  });
});
