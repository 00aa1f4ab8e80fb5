import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPTION_TABLE } from '../../src/cli/options.js';
import { copyFixture, ROOT, rulecheck, type JsonReport } from './helpers.js';

/**
 * The built CLI: `--changed-since` for `check` and `test`, the default command with `--baseline`,
 * the config's unknown lint checks and `logsources` file, and `--help` against the option table.
 */

function expectUsageError(result: { status: number | null; stderr: string }, pattern: RegExp): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^rulecheck: /);
  expect(lines[0]).toMatch(pattern);
}

function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
}

function json(args: string[], dir: string): JsonReport {
  const result = rulecheck([...args, '--format', 'json'], dir);
  expect(result.stderr).toBe('');
  return JSON.parse(result.stdout) as JsonReport;
}

const ruleFiles = (report: JsonReport) => report.files.filter((f) => f.kind === 'rule').map((f) => f.path).sort();
const testedFiles = (report: JsonReport) => [...new Set(report.tests.map((t) => t.file))].sort();

describe('--changed-since with `check` and `test`', () => {
  it('select the same rules as the default command, with every rule still loaded', () => {
    const dir = copyFixture('clean');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'rules');

    for (const command of ['check', 'test']) {
      const nothing = json([command, '--changed-since', 'main'], dir);
      expect(ruleFiles(nothing)).toEqual([]);
      expect(nothing.tests).toEqual([]);
      expect(nothing.summary.rules).toBe(0);
    }

    // A new rule reusing an existing id: only it is selected, and the duplicate is still found,
    // because the unchanged rule is loaded too. The check reports the later of the two rules; the
    // new file comes first in path order, and the changed rule is still the one reported.
    const copy = readFileSync(join(dir, 'rules/udr_join_response_failed.yml'), 'utf8').replace('Device Join Response Failed', 'Device Join Response Failed Again');
    writeFileSync(join(dir, 'rules/udr_a_copy.yml'), copy);
    const checked = json(['check', '--changed-since', 'main'], dir);
    expect(ruleFiles(checked)).toEqual(['rules/udr_a_copy.yml']);
    expect(checked.summary.rules).toBe(1);
    expect(checked.files.find((f) => f.path === 'rules/udr_a_copy.yml')!.diagnostics.map((d) => d.id)).toContain('lint/duplicate-id');
    const whole = json(['check'], dir);
    expect(ruleFiles(whole)).toEqual(['rules/intune_upload_failed.yml', 'rules/udr_a_copy.yml', 'rules/udr_join_response_failed.yml']);
    expect(whole.files.filter((f) => f.diagnostics.some((d) => d.id === 'lint/duplicate-id')).map((f) => f.path)).toEqual(['rules/udr_join_response_failed.yml']);
    const runReport = json(['--changed-since', 'main'], dir);
    expect(runReport.files.find((f) => f.path === 'rules/udr_a_copy.yml')!.diagnostics.map((d) => d.id)).toContain('lint/duplicate-id');

    const tested = json(['test', '--changed-since', 'main'], dir);
    expect(testedFiles(tested)).toEqual(['rules/udr_a_copy.yml']);
    expect(ruleFiles(tested)).toEqual(['rules/udr_a_copy.yml']);
    const run = json(['--changed-since', 'main'], dir);
    expect(testedFiles(run)).toEqual(['rules/udr_a_copy.yml']);
    expect(ruleFiles(run)).toEqual(['rules/udr_a_copy.yml']);

    // A changed fixture selects the rules whose tests read it, for `test` as for the default command.
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'copy');
    const fixture = join(dir, 'fixtures/udr_join.json');
    writeFileSync(fixture, readFileSync(fixture, 'utf8').replace('-2145648611', '-2145648612'));
    expect(testedFiles(json(['test', '--changed-since', 'HEAD'], dir))).toEqual(['rules/udr_a_copy.yml', 'rules/udr_join_response_failed.yml']);

    // The stylish report says what was selected, above the summary line.
    const stylish = rulecheck(['test', '--changed-since', 'HEAD'], dir).stdout.trimEnd().split('\n');
    expect(stylish.at(-2)).toBe('Tested 2 of 3 rule files: those changed since HEAD and those whose fixtures changed.');
    const checkStylish = rulecheck(['check', '--changed-since', 'HEAD'], dir).stdout.trimEnd().split('\n');
    expect(checkStylish.at(-2)).toBe('Checked 2 of 3 rule files: those changed since HEAD and those whose fixtures changed.');

    // A bad ref is the same usage error for every command.
    for (const command of [['check'], ['test'], []]) expectUsageError(rulecheck([...command, '--changed-since', 'nope'], dir), /`nope` is not a commit, branch or tag/);
  });
});

describe('the default command with --baseline', () => {
  it('reads manifests in the baseline folders and reports the baseline totals, as `rulecheck test` does', () => {
    const dir = copyFixture('clean');
    mkdirSync(join(dir, 'baseline'));
    writeFileSync(
      join(dir, 'baseline/udr.jsonl'),
      '{"EventID": 204, "Channel": "Microsoft-Windows-User Device Registration/Admin"}\n{"EventID": 20302, "Channel": "Microsoft Intune Connector"}\n',
    );
    const unexpected = (report: JsonReport) =>
      report.files.flatMap((f) => f.diagnostics.filter((d) => d.id === 'test/unexpected-match').map((d) => `${f.path}:${d.line}`)).sort();

    // Without an allow-list both fires are unexpected, in both commands.
    expect(unexpected(json(['--baseline', 'baseline'], dir))).toEqual(['baseline/udr.jsonl:1', 'baseline/udr.jsonl:2']);
    expect(unexpected(json(['test', '--baseline', 'baseline'], dir))).toEqual(['baseline/udr.jsonl:1', 'baseline/udr.jsonl:2']);

    // A manifest in the baseline folder declares the UDR fire as known.
    writeFileSync(join(dir, 'baseline/fixtures.yml'), 'match:\n  - Device Join Response Failed\n');
    expect(unexpected(json(['--baseline', 'baseline'], dir))).toEqual(['baseline/udr.jsonl:2']);
    expect(unexpected(json(['test', '--baseline', 'baseline'], dir))).toEqual(['baseline/udr.jsonl:2']);

    const stylish = rulecheck(['--baseline', 'baseline'], dir).stdout;
    expect(stylish).toContain('Baseline baseline: 2 events replayed, 2 fires, 1 that no test declares');
  });
});

describe('config problems every command reports alike', () => {
  it('an unknown lint check id is one line and exit 2 for `check` and the default command', () => {
    const dir = copyFixture('clean');
    writeFileSync(join(dir, 'rulecheck.config.yaml'), 'paths: [rules]\nlint:\n  checks:\n    lint/title-lenght: "off"\n');
    const message = /^rulecheck: config file `rulecheck.config.yaml`: unknown lint check `lint\/title-lenght` in `lint.checks`; did you mean `lint\/title-length`\?$/;
    for (const args of [['check'], [], ['check', '--format', 'json']]) {
      const result = rulecheck(args, dir);
      expectUsageError(result, message);
      expect(result.stdout).toBe('');
    }
  });
});

const ACME_RULE = `title: ACME VPN Login By Service Account
id: 0c7e5d1a-2b3c-4d5e-8f90-a1b2c3d4e5f6
status: experimental
description: A service account logs in to the ACME VPN.
author: rulecheck project
date: 2026-11-22
logsource:
    product: acme
    category: vpn_login
detection:
    selection:
        User|startswith: svc_
    condition: selection
level: medium
tests:
    - name: fires on a service account login through the renamed field
      expect: match
      event: {Channel: ACME VPN, EventID: 100, acme.user: svc_backup}
    - name: quiet on another channel
      expect: no-match
      event: {Channel: Other VPN, EventID: 100, acme.user: svc_backup, User: svc_backup}
`;

const ACME_LOGSOURCES = {
  version: 1,
  services: [{ product: 'acme', service: 'vpn', conditions: { Channel: ['ACME VPN'] } }],
  categories: [{ product: 'acme', category: 'vpn_login', service: 'vpn', conditions: { EventID: [100, 101] }, fieldMappings: { User: 'acme.user' } }],
};

describe('the config key `logsources`', () => {
  function project(config: string, logsources?: string): string {
    const dir = copyFixture('clean');
    writeFileSync(join(dir, 'rules/acme_vpn_login.yml'), ACME_RULE);
    writeFileSync(join(dir, 'rulecheck.config.yaml'), config);
    if (logsources !== undefined) {
      mkdirSync(join(dir, 'config'), { recursive: true });
      writeFileSync(join(dir, 'config/logsources.json'), logsources);
    }
    return dir;
  }
  const acmeTests = (report: JsonReport) => report.tests.filter((t) => t.file.endsWith('acme_vpn_login.yml')).map((t) => `${t.name}: ${t.status}`);

  it('applies the file (relative to the config) to tests, in the default command, `test` and `explain`', () => {
    const dir = project('paths: [rules]\nlogsources: config/logsources.json\n', JSON.stringify(ACME_LOGSOURCES));
    const expected = ['fires on a service account login through the renamed field: pass', 'quiet on another channel: pass'];
    expect(acmeTests(json([], dir))).toEqual(expected);
    expect(acmeTests(json(['test'], dir))).toEqual(expected);
    // Run from a subfolder: the path is still the config file's.
    mkdirSync(join(dir, 'rules/sub'));
    expect(acmeTests(json(['test', '..'], join(dir, 'rules/sub')))).toEqual(expected);

    writeFileSync(join(dir, 'events.jsonl'), '{"Channel": "Other VPN", "EventID": 100, "acme.user": "svc_x"}\n');
    const explained = JSON.parse(rulecheck(['explain', 'rules/acme_vpn_login.yml', 'events.jsonl', '--format', 'json'], dir).stdout) as { events: { matched: boolean }[] };
    expect(explained.events.map((e) => e.matched)).toEqual([false]);

    // Without the file the engine knows nothing of `acme`: `User` is not read from `acme.user`, and no channel is checked.
    const without = project('paths: [rules]\n');
    expect(acmeTests(json([], without))).toEqual(['fires on a service account login through the renamed field: fail', 'quiet on another channel: fail']);
  });

  it("gives the coverage check the file's field renames, in `check` and the default command", () => {
    const rule = `title: Example Tool Start
id: 1c7e5d1a-2b3c-4d5e-8f90-a1b2c3d4e5f7
status: experimental
description: An example tool starts.
author: rulecheck project
date: 2026-11-22
logsource:
    product: windows
    category: process_creation
detection:
    selection:
        acme.image|endswith: '\\example.exe'
    condition: selection
level: low
`;
    const renames = { version: 1, services: [], categories: [{ product: 'windows', category: 'process_creation', service: 'acme-edr', conditions: { Channel: ['ACME EDR'] }, fieldMappings: { Image: 'acme.image' } }] };
    const unknownFields = (report: JsonReport) =>
      report.files.flatMap((f) => f.diagnostics.filter((d) => d.id === 'coverage/unknown-field' && f.path === 'rules/proc_creation_example.yml').map((d) => d.message));
    const without = project('paths: [rules]\n');
    writeFileSync(join(without, 'rules/proc_creation_example.yml'), rule);
    expect(unknownFields(json(['check'], without))).toEqual(['`acme.image` is not a field of `windows/process_creation`.']);
    const withFile = project('paths: [rules]\nlogsources: config/logsources.json\n', JSON.stringify(renames));
    writeFileSync(join(withFile, 'rules/proc_creation_example.yml'), rule);
    expect(unknownFields(json(['check'], withFile))).toEqual([]);
    expect(unknownFields(json([], withFile))).toEqual([]);
  });

  it('a missing or malformed file, or a value that is not a path, is one line and exit 2', () => {
    expectUsageError(rulecheck([], project('logsources: config/nope.json\n')), /config file `rulecheck.config.yaml`: `logsources` file `config\/nope.json` does not exist/);
    expectUsageError(rulecheck(['test'], project('logsources: config/logsources.json\n', '{"services": [{"service": "vpn"}]}')), /`logsources` file `config\/logsources.json`: services\[0\] needs `product` and `service`/);
    expectUsageError(rulecheck([], project('logsources: config/logsources.json\n', '{"services": [')), /`logsources` file `config\/logsources.json`: cannot read/);
    expectUsageError(rulecheck(['test'], project('logsources: [a.json]\n')), /config file `rulecheck.config.yaml`: `logsources` must be string/);
  });

  it('a changed logsource file selects every rule under --changed-since', () => {
    const dir = project('paths: [rules]\nlogsources: config/logsources.json\n', JSON.stringify(ACME_LOGSOURCES));
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'rules');
    expect(json(['test', '--changed-since', 'main'], dir).tests).toEqual([]);
    writeFileSync(join(dir, 'config/logsources.json'), JSON.stringify({ ...ACME_LOGSOURCES, services: [] }));
    expect(testedFiles(json(['test', '--changed-since', 'main'], dir))).toEqual(['rules/acme_vpn_login.yml', 'rules/intune_upload_failed.yml', 'rules/udr_join_response_failed.yml']);
  });
});

describe('--help and docs/cli.md', () => {
  const help = rulecheck(['--help'], ROOT);
  const docs = readFileSync(join(ROOT, 'docs', 'cli.md'), 'utf8');

  it.each(Object.entries(OPTION_TABLE))('list --%s', (name, spec) => {
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(new RegExp(`(^|[\\s,])--${name}\\b`, 'm'));
    expect(docs).toMatch(new RegExp(`\`(-[a-z], )?--${name}\\b`));
    if ('short' in spec) {
      expect(help.stdout).toContain(`-${spec.short}, --${name}`);
      expect(docs).toContain(`\`-${spec.short}, --${name}`);
    }
  });

  it('docs/cli.md names every subcommand and no longer calls one missing', () => {
    for (const command of ['check', 'test', 'coverage', 'explain', 'catalog', 'init']) expect(docs).toContain(`npx rulecheck ${command}`);
    expect(docs).not.toMatch(/not in this build/);
  });
});
