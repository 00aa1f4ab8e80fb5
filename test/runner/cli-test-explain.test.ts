import { afterEach, describe, expect, it } from 'vitest';
import { rulecheck } from '../cli/helpers.js';
import { temporaryProjects } from '../helpers/fixture-project.js';

/** `rulecheck test` and `rulecheck explain` as a user runs them: the built CLI in a child process. */

const RULE = `title: Device Join Failed
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
        ExitCode: -2145648611
    condition: selection
level: medium
tests:
    - name: fires on the discovery failure
      expect: match
      event: {EventID: 304, ExitCode: -2145648611}
`;
const FAILING = `    - name: wrongly expects the success to fire
      expect: match
      event: {EventID: 304, ExitCode: 0}
`;

const newProject = temporaryProjects();

describe('rulecheck test', () => {
  it('exits 0 and prints the summary line when every test passes', () => {
    const project = newProject({ 'rules/udr_join_failed.yml': RULE });
    const result = rulecheck(['test', 'rules'], project.dir);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('✓ fires on the discovery failure');
    expect(result.stdout).toMatch(/1 passed, 0 failed/);
    expect(result.status).toBe(0);
  });

  it('exits 1 on a failed test and says why', () => {
    const project = newProject({ 'rules/udr_join_failed.yml': RULE + FAILING });
    const result = rulecheck(['test', 'rules'], project.dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('✗ wrongly expects the success to fire');
    expect(result.stdout).toContain('`selection` does not match at `ExitCode`: the event has `0`, the rule wants `-2145648611`');
    expect(result.stdout).toMatch(/1 passed, 1 failed/);
  });

  it('writes the json contract with the tests array and adequacy', () => {
    const project = newProject({ 'rules/udr_join_failed.yml': RULE + FAILING });
    const result = rulecheck(['test', 'rules', '--format', 'json'], project.dir);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    expect(json.version).toBe(1);
    expect(json.summary.tests).toEqual({ pass: 1, fail: 1, error: 0 });
    expect(json.tests).toHaveLength(2);
    expect(json.tests[1]).toMatchObject({
      rule: 'Device Join Failed',
      file: 'rules/udr_join_failed.yml',
      name: 'wrongly expects the success to fire',
      status: 'fail',
      expected: 'match',
      actual: 'no-match',
      line: 20,
    });
    expect(json.tests[1].message).toContain('`ExitCode`');
    expect(json.adequacy[0]).toMatchObject({ rule: 'Device Join Failed', percent: 100 });
  });

  it('annotates the failing test line for GitHub and writes JUnit', () => {
    const project = newProject({ 'rules/udr_join_failed.yml': RULE + FAILING });
    const github = rulecheck(['test', 'rules', '--format', 'github'], project.dir);
    expect(github.stdout).toMatch(/::error file=rules\/udr_join_failed\.yml,line=20,[^\n]*::Test "wrongly expects the success to fire" failed/);
    const junit = rulecheck(['test', 'rules', '--format', 'junit'], project.dir);
    expect(junit.stdout).toContain('<testcase classname="Device Join Failed" name="wrongly expects the success to fire"');
    expect(junit.stdout).toContain('<failure');
  });

  it('reports malformed tests as located errors with exit 1', () => {
    const project = newProject({ 'rules/udr_join_failed.yml': `${RULE}    - name: no events\n      expect: match\n` });
    const result = rulecheck(['test', 'rules', '--format', 'json'], project.dir);
    expect(result.status).toBe(1);
    const json = JSON.parse(result.stdout);
    const diagnostics = json.files.find((f: { path: string }) => f.path === 'rules/udr_join_failed.yml').diagnostics;
    expect(diagnostics).toMatchObject([{ id: 'test/no-events', severity: 'error', line: 20 }]);
  });

  it('runs mutants and checks adequacy from the command line, and rejects bad option values', () => {
    const project = newProject({ 'rules/udr_join_failed.yml': RULE });
    const mutate = rulecheck(['test', 'rules', '--mutate'], project.dir);
    expect(mutate.stdout).toContain('Mutation check');
    // One positive event and no negative one: dropping either item goes unnoticed.
    expect(mutate.stdout).toContain('2 of 4 mutants survive');
    expect(mutate.stdout).toContain('line 12 selection: item `EventID` removed');
    expect(rulecheck(['test', 'rules', '--min-item-coverage', '101'], project.dir).status).toBe(2);
    expect(rulecheck(['test', 'rules', '--logsource', 'loose'], project.dir).status).toBe(2);
    const missing = rulecheck(['test', 'rules', '--baseline', 'nowhere'], project.dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('--baseline `nowhere` does not exist');
  });
});

describe('rulecheck explain', () => {
  it('prints the trace of every event, item by item', () => {
    const project = newProject({
      'rules/udr_join_failed.yml': RULE,
      'events.jsonl': `${JSON.stringify({ EventID: 304, ExitCode: -2145648611 })}\n${JSON.stringify({ EventID: 305, ExitCode: -2145648611 })}\n`,
    });
    const result = rulecheck(['explain', 'rules/udr_join_failed.yml', 'events.jsonl'], project.dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('events.jsonl#0 (line 1) · Device Join Failed: matches');
    expect(result.stdout).toContain('events.jsonl#1 (line 2) · Device Join Failed: does not match');
    expect(result.stdout).toContain('`selection` does not match at `EventID`: the event has `305`, the rule wants `304`');
    expect(result.stdout).toContain('1 of 2 rule × event pairs match');
    const json = JSON.parse(rulecheck(['explain', 'rules/udr_join_failed.yml', 'events.jsonl', '--format', 'json'], project.dir).stdout);
    expect(json.events.map((e: { matched: boolean }) => e.matched)).toEqual([true, false]);
  });

  it('is a usage error without an event file', () => {
    const project = newProject({ 'rules/udr_join_failed.yml': RULE });
    const result = rulecheck(['explain', 'rules/udr_join_failed.yml'], project.dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('explain needs a rule file and at least one event file');
  });
});
