import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCli } from '../cli/options.js';
import { loadConfig } from './load.js';
import { userLogsources } from './logsources.js';
import { resolveSettings } from './settings.js';

function tempTree(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), 'rulecheck-config-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(root, path, '..'), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('loadConfig', () => {
  it('finds a YAML config in a parent directory and resolves paths against it', () => {
    const root = tempTree({
      'rulecheck.config.yaml': 'paths: [detections]\ncatalogs: [catalogs/own.json]\nseverities:\n  coverage/*: "off"\n',
      'detections/sub/.keep': '',
    });
    const cwd = join(root, 'detections', 'sub');
    const loaded = loadConfig(cwd);
    expect(loaded.path).toBe(join(root, 'rulecheck.config.yaml'));
    const settings = resolveSettings([], parseCli([]).values, cwd);
    expect(settings.paths).toEqual([join(root, 'detections')]);
    expect(settings.catalogs).toEqual([join(root, 'catalogs', 'own.json')]);
    expect(settings.severities).toEqual({ 'coverage/*': 'off' });
  });

  it('resolves lint options that name files against the config file, and leaves other options as written', () => {
    const root = tempTree({
      'rulecheck.config.yaml':
        'lint:\n  checks:\n    lint/attack-tag: { options: { stix: vendor/enterprise-attack.json } }\n    lint/title-length: { options: { max: 90 } }\n',
      'detections/.keep': '',
    });
    const settings = resolveSettings([], parseCli([]).values, join(root, 'detections'));
    expect(settings.lint.checks).toEqual({
      'lint/attack-tag': { options: { stix: join(root, 'vendor', 'enterprise-attack.json') } },
      'lint/title-length': { options: { max: 90 } },
    });
  });

  it('reads the rulecheck key of package.json and skips a package.json without one', () => {
    const root = tempTree({
      'package.json': JSON.stringify({ name: 'detections', rulecheck: { ignore: ['rules/old/**'], maxWarnings: 3 } }),
      'pkg/package.json': JSON.stringify({ name: 'inner' }),
    });
    const settings = resolveSettings(['x.yml'], parseCli(['--catalog', 'c.json']).values, join(root, 'pkg'));
    expect(settings.configPath).toBe(join(root, 'package.json'));
    expect(settings.maxWarnings).toBe(3);
    expect(settings.isIgnored(join(root, 'rules/old/a.yml'))).toBe(true);
    expect(settings.isIgnored(join(root, 'rules/new/a.yml'))).toBe(false);
    expect(settings.paths).toEqual([join(root, 'pkg', 'x.yml')]);
    expect(settings.catalogs).toEqual([join(root, 'pkg', 'c.json')]);
  });

  it('resolves `logsources` against the config file and reads it merged over the built-in definitions', () => {
    const root = tempTree({
      'rulecheck.config.yaml': 'logsources: defs/logsources.json\n',
      'defs/logsources.json': JSON.stringify({ services: [{ product: 'acme', service: 'vpn', conditions: { Channel: ['ACME VPN'] } }] }),
      'rules/.keep': '',
    });
    const settings = resolveSettings([], parseCli([]).values, join(root, 'rules'));
    expect(settings.logsources).toBe(join(root, 'defs', 'logsources.json'));
    const config = userLogsources(settings)!;
    expect(config.services.find((s) => s.product === 'acme')?.conditions).toEqual({ Channel: ['ACME VPN'] });
    expect(config.services.length).toBeGreaterThan(1);
    expect(userLogsources(resolveSettings([], parseCli([]).values, tempTree({})))).toBeUndefined();
  });

  it('the command line overrides the config', () => {
    const root = tempTree({ 'rulecheck.config.json': '{"maxWarnings": 10, "emm": "emm"}' });
    const settings = resolveSettings([], parseCli(['--max-warnings', '0', '--emm', 'other', '--strict']).values, root);
    expect(settings.maxWarnings).toBe(0);
    expect(settings.emm).toBe(join(root, 'other'));
    expect(settings.strict).toBe(true);
  });

  it('reports an unknown key in one line with a suggestion', () => {
    const root = tempTree({ 'rulecheck.config.json': '{"catalog": ["x.json"]}' });
    expect(() => loadConfig(root)).toThrowError(
      /^config file `rulecheck.config.json`: unknown key `catalog`; did you mean `catalogs`\? \(known keys: paths, catalogs,/,
    );
    const nested = tempTree({ 'rulecheck.config.yml': 'lint:\n  presets: all\n' });
    expect(() => loadConfig(nested)).toThrowError(/unknown key `lint.presets`; did you mean `preset`/);
  });

  it('reports wrong values, broken YAML and a missing --config file in one line', () => {
    const badValue = tempTree({ 'rulecheck.config.json': '{"severities": {"lint/title-length": "loud"}}' });
    expect(() => loadConfig(badValue)).toThrowError(/`severities.lint\/title-length` must be one of "error", "warning", "info", "off"/);
    const badYaml = tempTree({ 'rulecheck.config.yaml': 'paths: [rules\nx: 1\n' });
    expect(() => loadConfig(badYaml)).toThrowError(/^config file `rulecheck.config.yaml:\d+:\d+` is not valid YAML/);
    expect(() => loadConfig(badYaml, 'nope.json')).toThrowError('cannot read config file `nope.json`: no such file');
    for (const message of [badValue, badYaml].map((dir) => {
      try {
        loadConfig(dir);
        return '';
      } catch (error) {
        return (error as Error).message;
      }
    })) expect(message).not.toContain('\n');
  });
});
