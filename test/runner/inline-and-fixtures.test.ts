import { afterEach, describe, expect, it } from 'vitest';
import { temporaryProjects } from '../helpers/fixture-project.js';

/** A UDR rule: a failed join (event 304 with one of two exit codes), except on lab machines. */
const RULE_HEAD = `title: Device Join Failed
id: 2c4e6a80-5b1d-4f3e-a9c7-0d8e1f2a3b4c
status: test
description: A device failed to join Entra ID with a discovery error.
author: rulecheck tests
date: 2026-11-01
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventID: 304
        ExitCode:
            - -2145648611
            - -2145648612
    filter_lab:
        Computer|endswith: '.lab.local'
    condition: selection and not filter_lab
level: medium
`;


const make = temporaryProjects();

describe('inline tests', () => {
  it('passes and fails cases with events written in the rule', async () => {
    const p = make({
      'rules/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: fires on a discovery failure
      expect: match
      event: {EventID: 304, ExitCode: -2145648611, Computer: WKS-01.corp.example}
    - name: quiet on lab machines and other codes
      expect: no-match
      events:
          - {EventID: 304, ExitCode: -2145648611, Computer: WKS-07.lab.local}
          - {EventID: 304, ExitCode: 0, Computer: WKS-01.corp.example}
    - name: one of three
      expect: 1
      events:
          - {EventID: 304, ExitCode: -2145648612, Computer: A}
          - {EventID: 305, ExitCode: -2145648612, Computer: A}
          - {EventID: 304, ExitCode: 1, Computer: A}
    - name: wrongly expects a match on success
      expect: match
      event: {EventID: 304, ExitCode: 0, Computer: WKS-01.corp.example}
`,
    });
    const run = await p.run();
    expect(run.ruleDiagnostics).toEqual([]);
    expect(run.tests.map((t) => [t.name, t.status, t.expected, t.actual])).toEqual([
      ['fires on a discovery failure', 'pass', 'match', 'match'],
      ['quiet on lab machines and other codes', 'pass', 'no-match', 'no-match'],
      ['one of three', 'pass', 1, 1],
      ['wrongly expects a match on success', 'fail', 'match', 'no-match'],
    ]);
    const failed = run.tests[3];
    expect(failed).toMatchObject({ rule: 'Device Join Failed', ruleId: '2c4e6a80-5b1d-4f3e-a9c7-0d8e1f2a3b4c', file: 'rules/udr_join_failed.yml', source: 'inline' });
    expect(failed.span?.line).toBe(35);
    // The message names the deciding selection, the field, the event's value and the rule's.
    expect(failed.message).toContain('`selection`');
    expect(failed.message).toContain('`ExitCode`');
    expect(failed.message).toContain('`0`');
    expect(failed.message).toContain('-2145648611');
    expect(failed.explanation).toContain('filter_lab');
  });

  it('names the selection that fired when a no-match case matches', async () => {
    const p = make({
      'rules/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: expects silence on a corp machine
      expect: no-match
      event: {EventID: 304, ExitCode: -2145648612, Computer: WKS-01.corp.example}
`,
    });
    const run = await p.run();
    expect(run.tests).toHaveLength(1);
    const [test] = run.tests;
    expect(test.status).toBe('fail');
    expect(test.actual).toBe('match');
    expect(test.message).toContain('`selection`');
    expect(test.message).toContain('-2145648612');
    expect(test.message).toContain('filter_lab');
  });

  it('fails an exact count that is not met', async () => {
    const p = make({
      'rules/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: two of two
      expect: 2
      events:
          - {EventID: 304, ExitCode: -2145648612, Computer: A}
          - {EventID: 304, ExitCode: -2145648612, Computer: B.lab.local}
`,
    });
    const run = await p.run();
    expect(run.tests[0]).toMatchObject({ status: 'fail', expected: 2, actual: 1 });
    expect(run.tests[0].message).toContain('filter_lab');
  });
});

describe('fixture files', () => {
  const events = [
    JSON.stringify({ EventID: 304, ExitCode: -2145648611, Computer: 'WKS-01.corp.example' }),
    JSON.stringify({ EventID: 304, ExitCode: -2145648611, Computer: 'WKS-02.lab.local' }),
    JSON.stringify({ EventID: 200, Computer: 'WKS-03.corp.example' }),
  ].join('\n');

  it('reads a whole file or one event by index, relative to the rule file', async () => {
    const p = make({
      'fixtures/udr/joins.jsonl': `${events}\n`,
      'rules/windows/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: the first event fires
      expect: match
      fixture: ../../fixtures/udr/joins.jsonl#0
    - name: one event of the file fires
      expect: 1
      fixture: ../../fixtures/udr/joins.jsonl
    - name: the lab machine is wrongly expected to fire
      expect: match
      fixture: ../../fixtures/udr/joins.jsonl#1
`,
    });
    const run = await p.run();
    expect(run.ruleDiagnostics).toEqual([]);
    expect(run.tests.map((t) => t.status)).toEqual(['pass', 'pass', 'fail']);
    expect(run.tests[2].message).toContain('fixtures/udr/joins.jsonl#1');
    expect(run.tests[2].message).toContain('filter_lab');
    expect(run.files.map((f) => f.path)).toContain('fixtures/udr/joins.jsonl');
  });

  it('reports bad references as located errors and still runs the other cases', async () => {
    const p = make({
      'fixtures/udr/joins.jsonl': `${events}\n`,
      'rules/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: outside the project
      expect: match
      fixture: ../../etc/passwd
    - name: missing file
      expect: match
      fixture: ../fixtures/udr/nope.json
    - name: index past the end
      expect: match
      fixture: ../fixtures/udr/joins.jsonl#3
    - name: still runs
      expect: match
      fixture: ../fixtures/udr/joins.jsonl#0
`,
    });
    const run = await p.run();
    expect(run.ruleDiagnostics.map((d) => [d.id, d.span.line])).toEqual([
      ['test/fixture-outside-root', 23],
      ['test/missing-fixture', 26],
      ['test/index-out-of-range', 29],
    ]);
    expect(run.ruleDiagnostics[2].message).toContain('holds 3 events');
    expect(run.tests.map((t) => [t.name, t.status])).toEqual([['still runs', 'pass']]);
  });

  it('gives `error` to a case whose fixture file is malformed, and locates the JSON error in it', async () => {
    const p = make({
      'fixtures/broken.jsonl': `{"EventID": 304, "ExitCode": -2145648611}\n{"EventID": 304,, "ExitCode": 1}\n`,
      'rules/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: reads a broken file
      expect: match
      fixture: ../fixtures/broken.jsonl
`,
    });
    const run = await p.run();
    expect(run.tests[0].status).toBe('error');
    const broken = run.files.find((f) => f.path === 'fixtures/broken.jsonl');
    expect(broken?.diagnostics.length).toBeGreaterThan(0);
    expect(broken?.diagnostics[0].span.line).toBe(2);
  });
});

describe('rule kinds and shapes', () => {
  it('warns that tests of correlation rules are not run, and runs the detection rules of the same file', async () => {
    const p = make({
      'rules/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: fires
      expect: match
      event: {EventID: 304, ExitCode: -2145648611, Computer: A}
---
title: Many Failed Joins
id: 7e1d2c3b-4a5f-4e6d-8c7b-9a0f1e2d3c4b
status: test
correlation:
    type: event_count
    rules:
        - 2c4e6a80-5b1d-4f3e-a9c7-0d8e1f2a3b4c
    group-by:
        - Computer
    timespan: 1h
    condition:
        gte: 5
level: high
tests:
    - name: five failures
      expect: match
      event: {EventID: 304}
`,
    });
    const run = await p.run();
    expect(run.tests.map((t) => [t.rule, t.status])).toEqual([['Device Join Failed', 'pass']]);
    expect(run.ruleDiagnostics).toMatchObject([{ id: 'test/unsupported-rule-kind', severity: 'warning', span: { line: 39 } }]);
  });

  it('reads the evtx-baseline shape of the UDR reference from a JSON array, by index', async () => {
    const baseline = (id: number, exitCode: number) => ({
      system: { provider: 'Microsoft-Windows-User Device Registration', event_id: id, channel: 'Microsoft-Windows-User Device Registration/Admin', computer: 'WKS-01.corp.example' },
      event_data: { ExitCode: exitCode },
    });
    const p = make({
      'fixtures/udr.json': JSON.stringify([baseline(304, -2145648611), baseline(304, 0)], null, 2),
      'rules/udr_join_failed.yml': `${RULE_HEAD}tests:
    - name: the failure in the array
      expect: match
      fixture: ../fixtures/udr.json#0
      shape: evtx-baseline
    - name: none of the array but the first
      expect: 1
      fixture: ../fixtures/udr.json
    - name: quiet on exit code 0
      expect: 0
      fixture: ../fixtures/udr.json#1
`,
    });
    const run = await p.run({ logsource: 'strict' });
    expect(run.ruleDiagnostics).toEqual([]);
    expect(run.tests.map((t) => [t.name, t.status, t.actual])).toEqual([
      ['the failure in the array', 'pass', 'match'],
      ['none of the array but the first', 'pass', 1],
      ['quiet on exit code 0', 'pass', 0],
    ]);
  });
});
