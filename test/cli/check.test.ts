import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectDir, rulecheck } from './helpers.js';

const GOOD = `title: Failed device join
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventID: 204
    condition: selection
level: high
`;
const BAD = GOOD.replace('level: high', 'level: severe').replace('EventID: 204', 'EventID|containz: 204');

const project = (files: Record<string, string>) => projectDir('check', files);

describe('rulecheck check', () => {
  it('exits 0 on clean rules and reads rules/ when no path is given', () => {
    const dir = project({ 'rules/good.yml': GOOD, 'elsewhere/bad.yml': BAD });
    const result = rulecheck(['check'], dir);
    expect(result.stdout).toBe('✔ No problems (1 file, 1 rule).\n');
    expect(result.status).toBe(0);
  });

  it('exits 1 on an error-level finding and prints it with a code frame', () => {
    const dir = project({ 'rules/bad.yml': BAD });
    const result = rulecheck(['check', 'rules'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('rules/bad.yml\n  7:17  error  `containz` is not a Sigma modifier.  modifier/unknown\n    7 |         EventID|containz: 204\n      |                 ^^^^^^^^\n');
    expect(result.stdout).toContain('schema/not-allowed-value');
  });

  it('writes the json contract to --output and counts every file, broken ones included', () => {
    const dir = project({ 'rules/good.yml': GOOD, 'rules/broken.yml': 'title: [\n', 'rules/latin1.yml': '' });
    writeFileSync(join(dir, 'rules/latin1.yml'), Buffer.from([0x74, 0x3a, 0x20, 0xe9, 0x0a]));
    const result = rulecheck(['check', 'rules', '--format', 'json', '--output', 'out/report.json'], dir);
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const json = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8'));
    expect(json.files.map((f: { path: string; diagnostics: { id: string }[] }) => [f.path, f.diagnostics.map((d) => d.id)])).toEqual([
      ['rules/broken.yml', ['yaml/syntax-error']],
      ['rules/good.yml', []],
      ['rules/latin1.yml', ['file/not-utf8']],
    ]);
    expect(json.summary).toEqual({ files: 3, rules: 1, errors: 2, warnings: 0, tests: { pass: 0, fail: 0, error: 0 } });
  });

  it('exits 2 on a missing path or an unknown format', () => {
    const dir = project({ 'rules/good.yml': GOOD });
    const missing = rulecheck(['check', 'nope'], dir);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('`nope` does not exist');
    expect(rulecheck(['check', 'rules', '--format', 'xml'], dir).status).toBe(2);
  });
});
