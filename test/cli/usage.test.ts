import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { copyFixture, emptyDir, ROOT, rulecheck, sarifValidate, type JsonReport } from './helpers.js';

/** The built CLI's command line: usage errors, exit codes, config, init and pull-request mode. */

function expectUsageError(result: { status: number | null; stdout: string; stderr: string }, pattern: RegExp): void {
  expect(result.status).toBe(2);
  const lines = result.stderr.split('\n').filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatch(/^rulecheck: /);
  expect(lines[0]).toMatch(pattern);
}

describe('bad command lines give one clear line and exit 2', () => {
  const dir = copyFixture('clean');

  it('unknown option', () => {
    expectUsageError(rulecheck(['--frobnicate'], dir), /Unknown option '--frobnicate'/);
  });

  it('missing path', () => {
    expectUsageError(rulecheck(['no-such-rules/'], dir), /path `no-such-rules` does not exist/);
  });

  it('unreadable config', () => {
    expectUsageError(rulecheck(['--config', 'missing.yaml'], dir), /cannot read config file `missing.yaml`: no such file/);
    mkdirSync(join(dir, 'a-directory.json'), { recursive: true });
    expectUsageError(rulecheck(['--config', 'a-directory.json'], dir), /cannot read config file `a-directory.json`: it is a folder/);
  });

  it('config with an unknown key', () => {
    const bad = copyFixture('clean');
    writeFileSync(join(bad, 'rulecheck.config.yaml'), 'paths: [rules]\nseverity:\n  lint/*: warning\n');
    expectUsageError(rulecheck([], bad), /config file `rulecheck.config.yaml`: unknown key `severity`; did you mean `severities`\?/);
  });

  it('config naming a lint check that does not exist', () => {
    const bad = copyFixture('clean');
    writeFileSync(join(bad, 'rulecheck.config.yaml'), 'paths: [rules]\nlint:\n  checks:\n    lint/title-lenght: "off"\n');
    expectUsageError(rulecheck([], bad), /config file `rulecheck.config.yaml`: unknown lint check `lint\/title-lenght` in `lint.checks`; did you mean `lint\/title-length`\?/);
  });

  it('config that is not valid YAML', () => {
    const bad = copyFixture('clean');
    writeFileSync(join(bad, 'rulecheck.config.yaml'), 'paths: [rules\n');
    expectUsageError(rulecheck([], bad), /config file `rulecheck.config.yaml:\d+:\d+` is not valid YAML/);
  });

  it('unknown format, and two formats for stdout', () => {
    expectUsageError(rulecheck(['--format', 'xml'], dir), /unknown format `xml` \(known formats: /);
    expectUsageError(rulecheck(['--format', 'json', '--format', 'github'], dir), /formats `json` and `github` would both go to stdout/);
  });

  it('bad --max-warnings', () => {
    expectUsageError(rulecheck(['--max-warnings', 'many'], dir), /--max-warnings expects a whole number, got `many`/);
  });
});

describe('exit codes and output control', () => {
  it('--max-warnings turns too many warnings into exit 1; --quiet prints errors only', () => {
    const dir = copyFixture('clean');
    // An unused suppression is a warning and nothing else.
    const rule = join(dir, 'rules/udr_join_response_failed.yml');
    writeFileSync(rule, readFileSync(rule, 'utf8').replace('        EventID: 204', '        # rulecheck-disable-next-line lint/not-here\n        EventID: 204'));
    const relaxed = rulecheck(['--format', 'json'], dir);
    expect(relaxed.status).toBe(0);
    const json = JSON.parse(relaxed.stdout) as JsonReport;
    expect(json.summary.warnings).toBeGreaterThanOrEqual(1);
    expect(rulecheck(['--max-warnings', String(json.summary.warnings)], dir).status).toBe(0);
    expect(rulecheck(['--max-warnings', String(json.summary.warnings - 1)], dir).status).toBe(1);
    const quiet = rulecheck(['--quiet', '--format', 'json'], dir);
    expect((JSON.parse(quiet.stdout) as JsonReport).files.flatMap((f) => f.diagnostics)).toEqual([]);
  });

  it('config severities: `off` drops a diagnostic, a level changes it', () => {
    const dir = copyFixture('findings');
    writeFileSync(join(dir, 'rulecheck.config.json'), JSON.stringify({ severities: { 'suppress/unused': 'off', 'modifier/unknown': 'warning' } }));
    const json = JSON.parse(rulecheck(['rules', '--format', 'json'], dir).stdout) as JsonReport;
    const all = json.files.flatMap((f) => f.diagnostics);
    expect(all.some((d) => d.id === 'suppress/unused')).toBe(false);
    expect(all.filter((d) => d.id === 'modifier/unknown').map((d) => d.severity)).toEqual(['warning']);
  });

  it('--output writes the file and keeps stdout for the one format without a file', () => {
    const dir = copyFixture('clean');
    const result = rulecheck(['--format', 'sarif', '--output', 'r.sarif', '--format', 'github'], dir);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^rulecheck: \d+ files, 2 rules, 0 errors/m);
    const sarif = JSON.parse(readFileSync(join(dir, 'r.sarif'), 'utf8'));
    expect(sarifValidate()(sarif)).toBe(true);
  });

  it('appends the markdown summary to $GITHUB_STEP_SUMMARY', () => {
    const dir = copyFixture('clean');
    const summary = join(dir, 'step-summary.md');
    writeFileSync(summary, '# earlier step\n');
    const result = rulecheck(['--format', 'markdown', '--output', summary], dir, { GITHUB_STEP_SUMMARY: summary });
    expect(result.status).toBe(0);
    const text = readFileSync(summary, 'utf8');
    expect(text.startsWith('# earlier step\n## ✅ rulecheck passed')).toBe(true);
  });
});

describe('rulecheck init', () => {
  it('writes a starter project in an empty directory where `rulecheck` then exits 0', () => {
    const dir = emptyDir('init');
    const init = rulecheck(['init'], dir);
    expect(init.status).toBe(0);
    for (const file of ['rulecheck.config.yaml', 'rules/udr/win_udr_device_join_failed.yml', 'fixtures/udr/device_join.json', '.github/workflows/rulecheck.yml']) {
      expect(existsSync(join(dir, file))).toBe(true);
    }
    const workflow = yaml.load(readFileSync(join(dir, '.github/workflows/rulecheck.yml'), 'utf8')) as { jobs: Record<string, unknown> };
    expect(Object.keys(workflow.jobs)).toEqual(['rulecheck']);

    const first = rulecheck(['--format', 'json'], dir);
    expect(first.stderr).toBe('');
    const json = JSON.parse(first.stdout) as JsonReport;
    expect(json.summary.tests).toEqual({ pass: 3, fail: 0, error: 0 });
    expect(json.summary.errors).toBe(0);
    expect(first.status).toBe(0);
    expect(rulecheck([], dir).status).toBe(0);
  });

  it('refuses to overwrite, and writes nothing then', () => {
    const dir = emptyDir('init-again');
    mkdirSync(join(dir, 'rules/udr'), { recursive: true });
    writeFileSync(join(dir, 'rules/udr/win_udr_device_join_failed.yml'), 'title: mine\n');
    const result = rulecheck(['init'], dir);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^rulecheck: init refuses to overwrite existing files: `rules\/udr\/win_udr_device_join_failed.yml`\n$/);
    expect(existsSync(join(dir, 'rulecheck.config.yaml'))).toBe(false);
    expect(readFileSync(join(dir, 'rules/udr/win_udr_device_join_failed.yml'), 'utf8')).toBe('title: mine\n');
  });
});

describe('--changed-since', () => {
  function git(dir: string, ...args: string[]): string {
    return execFileSync('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: dir, encoding: 'utf8' });
  }

  it('tests only the rules a change touches: a changed rule, or a rule whose fixture changed', () => {
    const dir = copyFixture('clean');
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'rules');

    const nothing = JSON.parse(rulecheck(['--changed-since', 'main', '--format', 'json'], dir).stdout) as JsonReport;
    expect(nothing.tests).toEqual([]);
    expect(nothing.files.filter((f) => f.kind === 'rule')).toEqual([]);

    git(dir, 'checkout', '-q', '-b', 'change');
    const intune = join(dir, 'rules/intune_upload_failed.yml');
    writeFileSync(intune, readFileSync(intune, 'utf8').replace('level: medium', 'level: high'));
    git(dir, 'commit', '-q', '-am', 'raise level');
    const ruleChanged = JSON.parse(rulecheck(['--changed-since', 'main', '--format', 'json'], dir).stdout) as JsonReport;
    expect([...new Set(ruleChanged.tests.map((t) => t.file))]).toEqual(['rules/intune_upload_failed.yml']);

    // An uncommitted fixture change selects the rule whose tests read the fixture.
    const fixture = join(dir, 'fixtures/udr_join.json');
    writeFileSync(fixture, readFileSync(fixture, 'utf8').replace('-2145648611', '-2145648612'));
    const fixtureChanged = JSON.parse(rulecheck(['--changed-since', 'main', '--format', 'json'], dir).stdout) as JsonReport;
    expect([...new Set(fixtureChanged.tests.map((t) => t.file))].sort()).toEqual(['rules/intune_upload_failed.yml', 'rules/udr_join_response_failed.yml']);

    // A changed config file can change every finding: everything is checked again.
    git(dir, 'checkout', '-q', '--', 'fixtures/udr_join.json');
    git(dir, 'commit', '-q', '--allow-empty', '-m', 'clean');
    writeFileSync(join(dir, 'rulecheck.config.yaml'), 'paths: [rules]\nmaxWarnings: 5\n');
    const configChanged = JSON.parse(rulecheck(['--changed-since', 'main', '--format', 'json'], dir).stdout) as JsonReport;
    expect(configChanged.files.filter((f) => f.kind === 'rule').map((f) => f.path).sort()).toEqual(['rules/intune_upload_failed.yml', 'rules/udr_join_response_failed.yml']);
  });

  it('an unknown ref or a directory outside git is a usage error', () => {
    const dir = copyFixture('clean');
    expectUsageError(rulecheck(['--changed-since', 'main'], dir), /--changed-since needs a git repository/);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'add', '.');
    git(dir, 'commit', '-q', '-m', 'rules');
    expectUsageError(rulecheck(['--changed-since', 'origin/nope'], dir), /`origin\/nope` is not a commit, branch or tag/);
  });
});

describe("the project's own rule pack", () => {
  it.runIf(existsSync(join(ROOT, 'rules')))('gives valid SARIF and json for rules/', () => {
    const out = emptyDir('project');
    const result = rulecheck(['rules/', '--format', 'json', '--output', join(out, 'r.json'), '--format', 'sarif', '--output', join(out, 'r.sarif')], ROOT);
    const sarif = JSON.parse(readFileSync(join(out, 'r.sarif'), 'utf8'));
    expect(sarifValidate()(sarif)).toBe(true);
    const json = JSON.parse(readFileSync(join(out, 'r.json'), 'utf8')) as JsonReport;
    expect(json.summary.rules).toBeGreaterThan(0);
    const failing = json.summary.errors > 0 || json.summary.tests.fail + json.summary.tests.error > 0;
    expect(result.status).toBe(failing ? 1 : 0);
    expect(sarif.runs[0].results.length).toBe(
      json.files.reduce((n, f) => n + f.diagnostics.length, 0) + json.tests.filter((t) => t.status !== 'pass').length,
    );
  });
});

describe('the composite action (action.yml)', () => {
  interface Step {
    id?: string;
    name?: string;
    run?: string;
    env?: Record<string, string>;
  }
  const action = yaml.load(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { runs: { steps: Step[] } };
  const runStep = action.runs.steps.find((step) => step.id === 'run')!;

  function runActionScript(dir: string, inputs: { paths: string; args: string }) {
    const outputs = join(dir, 'github-output.txt');
    const summary = join(dir, 'step-summary.md');
    writeFileSync(outputs, '');
    writeFileSync(summary, '');
    const env = {
      ...process.env,
      GITHUB_ACTION_PATH: ROOT,
      GITHUB_OUTPUT: outputs,
      GITHUB_STEP_SUMMARY: summary,
      RULECHECK_PATHS: inputs.paths,
      RULECHECK_ARGS: inputs.args,
      RULECHECK_SARIF: 'rulecheck.sarif',
    };
    // As GitHub runs a composite step's `shell: bash`.
    const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', runStep.run!], { cwd: dir, env, encoding: 'utf8' });
    return { result, outputs: readFileSync(outputs, 'utf8'), summary: readFileSync(summary, 'utf8') };
  }

  it('runs rulecheck with the three reports and records the exit code for the last step', () => {
    const clean = runActionScript(copyFixture('clean'), { paths: 'rules', args: '--max-warnings 0' });
    expect(clean.result.status).toBe(0);
    expect(clean.outputs).toBe('exit-code=0\nsarif-written=true\n');
    expect(clean.summary).toMatch(/^## ✅ rulecheck passed/);
    expect(clean.result.stdout).toMatch(/^rulecheck: \d+ files, 2 rules, 0 errors/m);

    const dir = copyFixture('findings');
    const findings = runActionScript(dir, { paths: 'rules', args: '' });
    expect(findings.result.status).toBe(0);
    expect(findings.outputs).toBe('exit-code=1\nsarif-written=true\n');
    expect(findings.result.stdout).toMatch(/^::error file=rules\/udr_bad_modifier.yml,line=12,col=17,/m);
    expect(sarifValidate()(JSON.parse(readFileSync(join(dir, 'rulecheck.sarif'), 'utf8')))).toBe(true);
  });
});
