import { cpSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { temporaryProjects, type TestProject } from '../helpers/fixture-project.js';

/** The small SigmaHQ-layout repository committed under test/fixtures/sigma-regression. */
const LAYOUT = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures', 'sigma-regression');

const newProject = temporaryProjects();

/** A copy of the committed layout, so tests may add broken variants beside it. */
function copyLayout(extra: Record<string, string> = {}): TestProject {
  const project = newProject({});
  cpSync(LAYOUT, project.dir, { recursive: true });
  for (const [path, text] of Object.entries(extra)) project.write(path, text);
  return project;
}

const WHOAMI_INFO = 'regression_data/rules/windows/process_creation/proc_creation_win_whoami_all_groups/info.yml';
const NET_INFO = 'regression_data/rules/windows/process_creation/proc_creation_win_net_localgroup_admins/info.yml';

describe('SigmaHQ regression tests', () => {
  it('runs info.yml entries against the JSON export beside each .evtx', async () => {
    const p = copyLayout();
    const run = await p.run({}, ['rules']);
    expect(run.ruleDiagnostics).toEqual([]);
    const byRule = Object.fromEntries(run.tests.map((t) => [t.rule, t]));
    expect(byRule['Whoami Lists All Group Memberships']).toMatchObject({
      source: 'regression',
      status: 'pass',
      expected: '>= 1',
      actual: 1,
      declaredIn: WHOAMI_INFO,
      name: 'Positive Detection Test',
      span: { line: 9 },
    });
    const failed = byRule['Net Lists Local Administrators'];
    expect(failed).toMatchObject({ status: 'fail', expected: '>= 2', actual: 1, declaredIn: NET_INFO });
    // The deciding selection and value: the command line lacks `administrators`.
    expect(failed.message).toContain('`selection_cli`');
    expect(failed.message).toContain('`CommandLine`');
    expect(failed.message).toContain('Remote Desktop Users');
    expect(failed.message).toContain('*administrators*');
  });

  it('passes more matches than match_count with a note, and fails them under --strict', async () => {
    const p = copyLayout();
    p.write(NET_INFO, readLayout(NET_INFO).replace('match_count: 2', 'match_count: 0'));
    const lenient = await p.run({}, ['rules']);
    const net = lenient.tests.find((t) => t.rule === 'Net Lists Local Administrators')!;
    expect(net.status).toBe('pass');
    expect(net.message).toContain('more than `match_count: 0`');
    const strict = await p.run({ strict: true }, ['rules']);
    expect(strict.tests.find((t) => t.rule === 'Net Lists Local Administrators')!.status).toBe('fail');
  });

  it('needs one match when match_count is absent, also under --strict', async () => {
    const p = copyLayout();
    p.write(WHOAMI_INFO, readLayout(WHOAMI_INFO).replace(/\n\s*match_count: 1/, ''));
    const run = await p.run({ strict: true }, ['rules']);
    expect(run.tests.find((t) => t.rule === 'Whoami Lists All Group Memberships')).toMatchObject({ status: 'pass', expected: '>= 1' });
  });

  it('finds the repository root from a rule deep below it, as SigmaHQ does', async () => {
    const p = copyLayout();
    // Run from inside rules/: the path in the rule is relative to the folder above.
    const run = await p.run({}, ['rules/windows']);
    expect(run.tests.map((t) => t.status).sort()).toEqual(['fail', 'pass']);
  });

  it('reports a missing info.yml, a missing JSON export, a bad match_count and a foreign rule_metadata', async () => {
    const p = copyLayout({
      'rules/windows/process_creation/proc_creation_win_no_info.yml': ruleWith('regression_data/rules/nowhere/info.yml', 'aa0c6a52-91d4-4c1b-9a57-2b7d1e0c8a41'),
      'rules/windows/process_creation/proc_creation_win_no_export.yml': ruleWith('regression_data/rules/no_export/info.yml', 'bb0c6a52-91d4-4c1b-9a57-2b7d1e0c8a41'),
      'regression_data/rules/no_export/info.yml': `id: 1b2c3d4e-0000-4000-8000-000000000001
rule_metadata:
    - id: 3f0c6a52-91d4-4c1b-9a57-2b7d1e0c8a41
regression_tests_info:
    - name: Positive Detection Test
      type: evtx
      match_count: two
      path: regression_data/rules/no_export/a.evtx
    - name: Second
      type: evtx
      path: regression_data/rules/no_export/b.evtx
    - name: Escapes
      type: json
      path: ../../outside.json
`,
    });
    const run = await p.run({}, ['rules']);
    expect(run.ruleDiagnostics).toMatchObject([
      { id: 'test/missing-fixture', file: 'rules/windows/process_creation/proc_creation_win_no_info.yml', span: { line: 12 } },
    ]);
    const info = run.files.find((f) => f.path === 'regression_data/rules/no_export/info.yml')!;
    expect(info.diagnostics.map((d) => [d.id, d.span.line])).toEqual([
      ['test/regression-rule-mismatch', 3],
      ['test/bad-expect', 7],
      ['test/missing-fixture', 11],
      ['test/fixture-outside-root', 14],
    ]);
    expect(info.diagnostics[2].message).toContain('regression_data/rules/no_export/b.json');
    expect(run.tests.filter((t) => t.rule === 'No Info Rule')).toEqual([]);
  });
});

function readLayout(path: string): string {
  return readFileSync(join(LAYOUT, path), 'utf8');
}

function ruleWith(infoPath: string, id: string): string {
  return `title: No Info Rule
id: ${id}
status: test
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        Image|endswith: '\\whoami.exe'
    condition: selection
level: low
regression_tests_path: ${infoPath}
`;
}
