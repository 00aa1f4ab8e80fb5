import { existsSync, readdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RunReport } from '../src/core/results.js';
import { runCheck } from '../src/cli/pipeline.js';

/**
 * Compatibility with the public SigmaHQ rules: every file is read and accounted for, nothing
 * crashes, and the error-level findings are exactly the ones listed (with the reason each is a
 * real problem) in docs/compatibility.md.
 */

const corpus = resolve(__dirname, '../../shared/corpora/sigmahq');
const present = existsSync(corpus);
if (!present) console.warn(`skipping the SigmaHQ compatibility test: ${corpus} is not there`);

/** file (relative to the corpus), line, id: see docs/compatibility.md for why each is right. */
const EXPECTED_ERRORS: [string, number, string][] = [
  // A sigmac backend configuration (THOR/SPARK), not a rule.
  ['tests/thor.yml', 1, 'rule/missing-detection'],
  ['tests/thor.yml', 1, 'schema/missing-key'],
];

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name) && !relative(dir, join(entry.parentPath, entry.name)).split('/').some((part) => part.startsWith('.')))
    .map((entry) => join(entry.parentPath, entry.name));
}

describe.skipIf(!present)('SigmaHQ corpus', () => {
  let report: RunReport;
  beforeAll(async () => {
    report = await runCheck([corpus], { cwd: corpus });
  }, 120_000);

  it('reports every YAML file of the corpus once', () => {
    const onDisk = yamlFiles(corpus).map((file) => relative(corpus, file)).sort();
    expect(report.files.map((file) => file.path).sort()).toEqual(onDisk);
    expect(onDisk.length).toBeGreaterThan(3700);
  });

  it('loads a rule from every rule file', () => {
    const withoutRule = report.files.filter((file) => file.kind === 'rule' && !file.diagnostics.some((d) => d.severity === 'error'));
    expect(report.ruleCount).toBeGreaterThanOrEqual(withoutRule.length);
    expect(report.ruleCount).toBe(report.files.length - 1);
  });

  it('has no internal error', () => {
    const internal = report.files.flatMap((file) => file.diagnostics).filter((d) => d.id.startsWith('internal/'));
    expect(internal).toEqual([]);
  });

  it('finds exactly the known error-level problems', () => {
    const errors = report.files
      .flatMap((file) => file.diagnostics)
      .filter((d) => d.severity === 'error')
      .map((d): [string, number, string] => [d.file, d.span.line, d.id]);
    expect(errors).toEqual(EXPECTED_ERRORS);
  });
});
