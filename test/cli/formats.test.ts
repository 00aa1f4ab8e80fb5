import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyFixture, jsonValidate, positionOf, rulecheck, sarifValidate, type CliResult, type JsonReport } from './helpers.js';

/**
 * One run of the built CLI over a rule set with findings of every kind (broken YAML, an unknown
 * modifier, an undefined selection, a failing test, suppressions), writing every format at once;
 * each format is then checked against its contract and against the json report of the same run.
 */

interface GithubAnnotation {
  command: string;
  properties: Record<string, string>;
  message: string;
}

function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

function parseGithub(stdout: string): GithubAnnotation[] {
  const out: GithubAnnotation[] = [];
  for (const line of stdout.split('\n')) {
    const m = /^::(error|warning|notice) ([^:]*)::(.*)$/.exec(line);
    if (!m) continue;
    const properties: Record<string, string> = {};
    for (const pair of m[2].split(',')) {
      const eq = pair.indexOf('=');
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    out.push({ command: m[1], properties, message: unescapeData(m[3]) });
  }
  return out;
}

describe('every format from one run over rules with findings', () => {
  let dir: string;
  let result: CliResult;
  let json: JsonReport;

  beforeAll(() => {
    dir = copyFixture('findings');
    result = rulecheck(
      ['rules', '--format', 'github', '--format', 'json', '--output', 'out/report.json', '--format', 'sarif', '--output', 'out/report.sarif',
        '--format', 'junit', '--output', 'out/junit.xml', '--format', 'markdown', '--output', 'out/summary.md', '--format', 'html', '--output', 'out/report.html'],
      dir,
    );
    json = JSON.parse(readFileSync(join(dir, 'out/report.json'), 'utf8')) as JsonReport;
  });

  it('exits 1 and prints nothing on stderr (no progress outside a terminal)', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(1);
  });

  it('json matches the documented contract and counts every file', () => {
    const validate = jsonValidate();
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    const rulePaths = json.files.filter((f) => f.kind === 'rule').map((f) => f.path).sort();
    expect(rulePaths).toEqual([
      'rules/broken.yml',
      'rules/intune_undefined_selection.yml',
      'rules/udr_bad_modifier.yml',
      'rules/udr_failing_test.yml',
      'rules/udr_suppressed.yml',
    ]);
    const all = json.files.flatMap((f) => f.diagnostics);
    expect(json.summary.errors).toBe(all.filter((d) => d.severity === 'error').length);
    expect(json.summary.warnings).toBe(all.filter((d) => d.severity === 'warning').length);
    expect(json.summary.tests.fail).toBe(json.tests.filter((t) => t.status === 'fail').length);
    expect(json.summary.tests.fail).toBeGreaterThanOrEqual(1);
  });

  it('locates the unknown modifier, the broken YAML and the undefined selection', () => {
    const byFile = new Map(json.files.map((f) => [f.path, f.diagnostics]));
    const modifier = positionOf(join(dir, 'rules/udr_bad_modifier.yml'), 'containz');
    expect(byFile.get('rules/udr_bad_modifier.yml')).toContainEqual(
      expect.objectContaining({ id: 'modifier/unknown', severity: 'error', line: modifier.line, column: modifier.column }),
    );
    expect(byFile.get('rules/broken.yml')?.some((d) => d.id === 'yaml/syntax-error' && d.severity === 'error')).toBe(true);
    const undefinedRef = positionOf(join(dir, 'rules/intune_undefined_selection.yml'), 'filter_known');
    expect(byFile.get('rules/intune_undefined_selection.yml')).toContainEqual(
      expect.objectContaining({ id: 'condition/undefined-identifier', line: undefinedRef.line, column: undefinedRef.column }),
    );
  });

  it('applies suppression comments and reports the unused one', () => {
    const diagnostics = json.files.find((f) => f.path === 'rules/udr_suppressed.yml')?.diagnostics ?? [];
    expect(diagnostics.some((d) => d.id === 'modifier/unknown')).toBe(false);
    const unusedAt = positionOf(join(dir, 'rules/udr_suppressed.yml'), 'lint/no-such-check');
    expect(diagnostics).toContainEqual(expect.objectContaining({ id: 'suppress/unused', severity: 'warning', line: unusedAt.line, column: unusedAt.column }));
  });

  it('github annotations carry the same file, line and column as the json diagnostics', () => {
    const annotations = parseGithub(result.stdout);
    const diagnostics = json.files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.path })));
    const failing = json.tests.filter((t) => t.status !== 'pass');
    expect(annotations).toHaveLength(diagnostics.length + failing.length);
    for (const d of diagnostics) {
      const command = d.severity === 'info' ? 'notice' : d.severity;
      expect(annotations).toContainEqual({
        command,
        properties: {
          file: d.file,
          line: String(d.line),
          col: String(d.column),
          endLine: String(d.endLine),
          endColumn: String(d.endColumn),
          title: d.id,
        },
        message: expect.stringContaining(d.message),
      });
    }
    const testAnnotation = annotations.find((a) => a.properties.title?.startsWith('rulecheck test failed'));
    expect(testAnnotation?.properties.file).toBe('rules/udr_failing_test.yml');
    const declared = positionOf(join(dir, 'rules/udr_failing_test.yml'), 'name: fires on the join failure');
    expect(Number(testAnnotation?.properties.line)).toBe(declared.line);
  });

  it('SARIF validates against the SARIF 2.1.0 schema and has a result per finding and failing test', () => {
    const sarif = JSON.parse(readFileSync(join(dir, 'out/report.sarif'), 'utf8'));
    const validate = sarifValidate();
    expect(validate(sarif), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
    const run = sarif.runs[0];
    const diagnostics = json.files.flatMap((f) => f.diagnostics.map((d) => ({ ...d, file: f.path })));
    const failing = json.tests.filter((t) => t.status !== 'pass');
    expect(run.results).toHaveLength(diagnostics.length + failing.length);
    const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
    for (const r of run.results) expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
    const modifier = run.results.find((r: { ruleId: string }) => r.ruleId === 'modifier/unknown');
    const region = modifier.locations[0].physicalLocation.region;
    expect(modifier.locations[0].physicalLocation.artifactLocation.uri).toBe('rules/udr_bad_modifier.yml');
    expect([region.startLine, region.startColumn]).toEqual(Object.values(positionOf(join(dir, 'rules/udr_bad_modifier.yml'), 'containz')));
    const fingerprints = run.results.map((r: { partialFingerprints: Record<string, string> }) => r.partialFingerprints['rulecheck/v1']);
    expect(new Set(fingerprints).size).toBe(fingerprints.length);
  });

  it('JUnit XML parses, with a suite per rule file and counts that match the json', () => {
    const xml = readFileSync(join(dir, 'out/junit.xml'), 'utf8');
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'testsuite' || name === 'testcase' }).parse(xml);
    const suites = doc.testsuites.testsuite as { name: string; tests: string; failures: string; testcase: { name: string; failure?: unknown }[] }[];
    expect(suites.map((s) => s.name)).toEqual(expect.arrayContaining(json.files.filter((f) => f.kind === 'rule').map((f) => f.path)));
    const filesWithErrors = json.files.filter((f) => f.diagnostics.some((d) => d.severity === 'error')).length;
    expect(Number(doc.testsuites.tests)).toBe(json.files.length + json.tests.length);
    expect(Number(doc.testsuites.failures)).toBe(filesWithErrors + json.summary.tests.fail);
    const failingSuite = suites.find((s) => s.name === 'rules/udr_failing_test.yml');
    expect(failingSuite?.testcase.filter((c) => c.failure).map((c) => c.name)).toEqual(
      json.tests.filter((t) => t.file === 'rules/udr_failing_test.yml' && t.status === 'fail').map((t) => t.name),
    );
  });

  it('markdown and html summarise the same totals', () => {
    const md = readFileSync(join(dir, 'out/summary.md'), 'utf8');
    const s = json.summary;
    expect(md).toMatch(/^## ❌ rulecheck found/);
    expect(md).toContain(`| ${s.files} | ${s.rules} | ${s.errors} | ${s.warnings} |`);
    expect(md).toContain('### Failing tests');
    const html = readFileSync(join(dir, 'out/report.html'), 'utf8');
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain(`<td>${s.files}</td><td>${s.rules}</td><td>${s.errors}</td><td>${s.warnings}</td>`);
    expect(html).not.toMatch(/<script|<link /);
  });
});

describe('a clean rule set', () => {
  it('exits 0, with every test passing', () => {
    const dir = copyFixture('clean');
    const result = rulecheck(['--format', 'json'], dir);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const json = JSON.parse(result.stdout) as JsonReport;
    expect(json.summary.errors).toBe(0);
    expect(json.summary.tests).toEqual({ pass: 5, fail: 0, error: 0 });
    expect(json.files.map((f) => f.path)).toEqual(expect.arrayContaining(['rules/intune_upload_failed.yml', 'rules/udr_join_response_failed.yml']));
  });
});
