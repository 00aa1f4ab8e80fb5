import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { emptyDir, projectDir, rulecheck } from './helpers.js';

const RULE = `title: Example Tool Start.
id: 2f6b4f0e-3c3a-4e7e-9d0e-2b7c1a9e8d01
status: experimental
description: Finds an example tool started with a suspicious flag.
author: Example
date: 2024-03-01
modified: 2024-01-01
tags:
    - attack.execution
logsource:
    category: process_creation
    product: windows
detection:
    selection:
        # the tool itself
        Image:
            - '*\\example.exe'
        CommandLine:
            - '*run*'
            - '*go*'
            - '*go*'
    condition: selection
falsepositives:
    - Unknown
level: medium
`;

const project = (files: Record<string, string>) => projectDir('lint', files);

const RULE_PATH = 'rules/proc_creation_win_example_tool.yml';

describe('rulecheck check: lint options', () => {
  it('--list-checks prints every check with preset, severity, fix and equivalent', () => {
    const result = rulecheck(['check', '--list-checks'], emptyDir('list'));
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^id\s+preset\s+severity\s+fix\s+equivalent$/m);
    expect(result.stdout).toMatch(/^lint\/unused-search\s+recommended\s+error\s+pysigma:dangling_detection$/m);
    expect(result.stdout).toMatch(/^\d{3} checks;/m);
  });

  it('--fix-dry-run prints a diff and leaves the file alone', () => {
    const dir = project({ [RULE_PATH]: RULE });
    const result = rulecheck(['check', '--preset', 'sigmahq', '--fix-dry-run', '--format', 'json'], dir);
    expect(result.stdout).toContain(`--- a/${RULE_PATH}`);
    expect(result.stdout).toContain("+        Image|endswith: '\\example.exe'");
    expect(readFileSync(join(dir, RULE_PATH), 'utf8')).toBe(RULE);
  });

  it('--fix rewrites the file, keeps comments, reports what is left, and a second run changes nothing', () => {
    const dir = project({ [RULE_PATH]: RULE });
    const first = rulecheck(['check', '--preset', 'sigmahq', '--fix', '--format', 'json'], dir);
    const fixed = readFileSync(join(dir, RULE_PATH), 'utf8');
    expect(fixed).toContain('title: Example Tool Start\n');
    expect(fixed).toContain('date: 2024-01-01\nmodified: 2024-03-01\n');
    expect(fixed).toContain("        # the tool itself\n        Image|endswith: '\\example.exe'\n");
    expect(fixed).toContain("        CommandLine|contains:\n            - 'run'\n            - 'go'\n    condition");
    const report = JSON.parse(first.stdout) as { files: { diagnostics: { id: string; fix?: unknown }[] }[] };
    expect(report.files[0].diagnostics.filter((d) => d.id.startsWith('lint/'))).toEqual([]);
    rulecheck(['check', '--preset', 'sigmahq', '--fix', '--format', 'json'], dir);
    expect(readFileSync(join(dir, RULE_PATH), 'utf8')).toBe(fixed);
  });

  it('rejects an unknown preset and an unknown check id in the config with exit 2', () => {
    const dir = project({ [RULE_PATH]: RULE, 'rulecheck.config.json': JSON.stringify({ lint: { checks: { 'lint/no-such-check': 'off' } } }) });
    const badPreset = rulecheck(['check', '--preset', 'strictest'], dir);
    expect(badPreset.status).toBe(2);
    expect(badPreset.stderr).toMatch(/--preset expects recommended, sigmahq or all/);
    const badId = rulecheck(['check'], dir);
    expect(badId.status).toBe(2);
    expect(badId.stderr).toBe('rulecheck: config file `rulecheck.config.json`: unknown lint check `lint/no-such-check` in `lint.checks` (`rulecheck check --list-checks` lists them)\n');
    const typo = project({ [RULE_PATH]: RULE, 'rulecheck.config.json': JSON.stringify({ lint: { checks: { 'lint/title-lenght': 'off' } } }) });
    expect(rulecheck(['check'], typo).stderr).toBe('rulecheck: config file `rulecheck.config.json`: unknown lint check `lint/title-lenght` in `lint.checks`; did you mean `lint/title-length`?\n');
  });
});
