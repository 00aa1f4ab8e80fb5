import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { finalizeReport } from '../../src/cli/finalize.js';
import { runCheck } from '../../src/cli/pipeline.js';
import type { CoverageMatrix } from '../../src/coverage/matrix.js';
import { fileReportContext } from '../../src/report/context.js';

/** The coverage stage inside `check`: findings on the rule files, the matrix and totals in the report, the config's severities applied. */

const dir = mkdtempSync(join(tmpdir(), 'rulecheck-coverage-stage-'));
writeFileSync(
  join(dir, 'udr_typo.yml'),
  'title: UDR join failure\nlogsource:\n  product: windows\n  service: user-device-registration\ndetection:\n  selection:\n    EventId: 204\n  condition: selection\n',
);
writeFileSync(join(dir, 'linux.yml'), 'title: Linux shell\nlogsource:\n  product: linux\n  category: process_creation\ndetection:\n  selection:\n    Image|endswith: /sh\n  condition: selection\n');

const ids = (report: Awaited<ReturnType<typeof runCheck>>) =>
  report.files.flatMap((f) => f.diagnostics.filter((d) => d.id.startsWith('coverage/')).map((d) => `${f.path} ${d.id} ${d.severity}`));

describe('coverage stage of check', () => {
  it('adds findings, the matrix and the totals', async () => {
    const report = await runCheck([dir], { cwd: dir });
    expect(ids(report)).toEqual(['linux.yml coverage/unknown-logsource info', 'udr_typo.yml coverage/unknown-field warning']);
    // `EventId` does not select: the rule targets every UDR event.
    expect(report.coverageTotals).toEqual([{ source: 'udr', eventTypes: 214, covered: 214, rules: 1 }]);
    expect((report.coverage as CoverageMatrix).unboundRules).toHaveLength(1);
  });

  it('is skipped with coverage: false', async () => {
    const report = await runCheck([dir], { cwd: dir, coverage: false });
    expect(ids(report)).toEqual([]);
    expect(report.coverageTotals).toBeUndefined();
  });

  it('takes the severities of the config', async () => {
    const report = await runCheck([dir], { cwd: dir });
    const final = finalizeReport(report, { cwd: dir, severities: { 'coverage/unknown-field': 'error', 'coverage/unknown-logsource': 'off' } }, fileReportContext(dir, '0.0.0'));
    expect(ids(final)).toEqual(['udr_typo.yml coverage/unknown-field error']);
  });
});
