import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { XMLParser } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostic.js';
import type { RunReport } from '../core/results.js';
import { SourceFile } from '../core/source.js';
import { fileReportContext } from './context.js';
import { command, escapeData, escapeProperty, formatGithub } from './github.js';
import { formatHtml } from './html.js';
import { formatJunit } from './junit.js';
import { formatMarkdown } from './markdown.js';
import { buildSarif } from './sarif.js';

const require = createRequire(import.meta.url);
const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
const sarifSchema = JSON.parse(readFileSync(new URL('../../test/schemas/sarif-schema-2.1.0.json', import.meta.url), 'utf8'));

const RULE = `title: Failed device join
id: 0d3a8f5e-1c2b-4f7a-9e6d-2b1c3a4d5e6f
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventId: 204
    condition: selection
level: high
`;

/** A report over a real file in a temp dir, with a diagnostic located on `EventId`. */
function reportFor(text: string, field = 'EventId'): { report: RunReport; cwd: string } {
  const cwd = mkdtempSync(join(tmpdir(), 'rulecheck-report-'));
  writeFileSync(join(cwd, 'rule.yml'), text);
  const source = new SourceFile('rule.yml', join(cwd, 'rule.yml'), text);
  const offset = text.indexOf(field);
  const diagnostic: Diagnostic = {
    id: 'coverage/unknown-field',
    severity: 'warning',
    message: `Field \`${field}\` is not in the catalog for \`windows/user-device-registration\`.`,
    hint: 'did you mean `EventID`?',
    file: 'rule.yml',
    span: source.span(offset, offset + field.length),
    fix: [{ offset, endOffset: offset + field.length, text: 'EventID' }],
  };
  const testSpanOffset = text.indexOf('title');
  return {
    cwd,
    report: {
      files: [{ path: 'rule.yml', kind: 'rule', diagnostics: [diagnostic] }],
      ruleCount: 1,
      tests: [
        { rule: 'Failed device join', file: 'rule.yml', name: 'fires on 204', source: 'inline', status: 'pass', expected: 'match', actual: '1/1' },
        {
          rule: 'Failed device join',
          file: 'rule.yml',
          name: 'quiet on 200, with | pipe',
          source: 'inline',
          status: 'fail',
          expected: 'no-match',
          actual: '1/1',
          span: source.span(testSpanOffset, testSpanOffset + 5),
          explanation: 'selection: EventId = 204 matched event value 204\n<script>',
        },
      ],
      coverageTotals: [{ source: 'udr', eventTypes: 215, covered: 3, rules: 1 }],
    },
  };
}

describe('sarif', () => {
  it('validates against the SARIF 2.1.0 schema and maps levels, regions and fixes', () => {
    const { report, cwd } = reportFor(RULE);
    const log = buildSarif(report, fileReportContext(cwd, '0.1.0'));
    // unicodeRegExp: false because the published schema has a pattern (`language`) that is not a valid `u` regex.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    const validate = ajv.compile(sarifSchema);
    expect(validate(log), JSON.stringify(validate.errors)).toBe(true);

    const run = log.runs[0];
    expect(run.tool.driver.rules?.map((r) => r.id)).toEqual(['coverage/unknown-field', 'test/fail']);
    const [finding, failedTest] = run.results ?? [];
    expect(finding.level).toBe('warning');
    expect(finding.locations?.[0].physicalLocation?.region).toMatchObject({ startLine: 8, startColumn: 9, endLine: 8, endColumn: 16 });
    expect(finding.fixes?.[0].artifactChanges[0].replacements[0].insertedContent?.text).toBe('EventID');
    expect(failedTest.ruleId).toBe('test/fail');
    expect(failedTest.level).toBe('error');
    expect(failedTest.locations?.[0].physicalLocation?.region?.startLine).toBe(1);
  });

  it('keeps fingerprints when lines move, changes them when the located text changes', () => {
    const before = reportFor(RULE);
    const shifted = reportFor(RULE.replace('level: high', 'level: high').replace('title:', '# a comment\n# another\ntitle:'));
    const renamed = reportFor(RULE.replace('EventId: 204', 'EventId: 205'));
    const fp = (r: ReturnType<typeof reportFor>) =>
      buildSarif(r.report, fileReportContext(r.cwd, '0.1.0')).runs[0].results?.map((x) => x.partialFingerprints?.['rulecheck/v1']);
    const a = fp(before);
    const b = fp(shifted);
    expect(shifted.report.files[0].diagnostics[0].span.line).toBe(10);
    expect(b).toEqual(a);
    // Only the located text `EventId` counts, so a value change on the same line keeps it too.
    expect(fp(renamed)).toEqual(a);
    const otherField = reportFor(RULE.replace('EventId: 204', 'EventIdentifier: 204'), 'EventIdentifier');
    expect(fp(otherField)?.[0]).not.toEqual(a?.[0]);
  });
});

describe('github', () => {
  it('escapes data and properties as the runner unescapes them', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
    expect(command('error', { file: 'rules/a,b.yml', line: 3 }, 'x: y')).toBe('::error file=rules/a%2Cb.yml,line=3::x: y');
  });

  it('prints one annotation per finding and failing test, with positions', () => {
    const { report } = reportFor(RULE);
    const lines = formatGithub(report).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '::warning file=rule.yml,line=8,col=9,endLine=8,endColumn=16,title=coverage/unknown-field::Field `EventId` is not in the catalog for `windows/user-device-registration`.%0AHint: did you mean `EventID`?',
    );
    expect(lines[1]).toMatch(/^::error file=rule.yml,line=1,col=1,endLine=1,endColumn=6,title=rulecheck test failed%3A Failed device join::Test "quiet on 200, with \| pipe" failed/);
    expect(lines).toHaveLength(3);
  });
});

describe('junit', () => {
  it('parses, and counts tests and failures per rule file', () => {
    const { report } = reportFor(RULE);
    const xml = formatJunit(report);
    const doc = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' }).parse(xml);
    expect(doc.testsuites).toMatchObject({ tests: '3', failures: '1', errors: '0' });
    const suite = doc.testsuites.testsuite;
    expect(suite.name).toBe('rule.yml');
    const cases = suite.testcase as { name: string; failure?: { message: string; '#text'?: string } }[];
    expect(cases.map((c) => c.name)).toEqual(['check', 'fires on 204', 'quiet on 200, with | pipe']);
    expect(cases[2].failure?.message).toBe('expected no-match, got 1/1');
  });
});

describe('markdown and html', () => {
  it('markdown has totals, a findings row, the failing test and coverage', () => {
    const { report } = reportFor(RULE);
    const md = formatMarkdown(report);
    expect(md).toContain('## ❌ rulecheck found 1 failing test');
    expect(md).toContain('| 1 | 1 | 0 | 1 | 0 | 1 | 1 | 0 |');
    expect(md).toContain('| 🟡 warning | `rule.yml:8:9` | `coverage/unknown-field` |');
    expect(md).toContain('quiet on 200, with | pipe');
    expect(md).toContain('  ```\n  selection: EventId = 204 matched event value 204\n  <script>\n  ```');
    expect(md).toContain('| `udr` | 3 / 215 (1%) | 1 |');
  });

  it('markdown escapes HTML outside code spans only, and pipes everywhere in a table cell', () => {
    const { report } = reportFor(RULE);
    const finding = report.files[0].diagnostics[0];
    report.files[0].diagnostics[0] = { ...finding, message: 'The identifier `a<b>|c` is not defined <here> | there.', hint: undefined };
    expect(formatMarkdown(report)).toContain('| The identifier `a<b>\\|c` is not defined &lt;here&gt; \\| there. |');
  });

  it('html escapes event text and marks the located span', () => {
    const { report, cwd } = reportFor(RULE);
    const html = formatHtml(report, fileReportContext(cwd, '0.1.0'), [{ id: 'coverage-map', title: 'Heat map', html: '<p>map</p>' }]);
    expect(html).not.toContain('<script>');
    expect(html).toContain('&#60;script&#62;');
    expect(html).toContain('<mark>EventId</mark>');
    expect(html).toContain('<section id="coverage-map">');
  });
});
