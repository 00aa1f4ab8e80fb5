import { describe, expect, it } from 'vitest';
import type { RunReport } from '../core/results.js';
import { loadRuleText } from '../rule/load.js';
import type { ReportContext } from './context.js';
import { getReporter, reporterNames } from './index.js';
import { toJsonReport } from './json.js';
import { formatStylish } from './stylish.js';

const TEXT = `title: t
level: severe
logsource:
\tproduct: windows
detection:
    sel:
        Image|endwith: x.exe
    condition: sel
`;

function reportOf(files: Record<string, string>): { report: RunReport; context: ReportContext } {
  const loaded = Object.entries(files).map(([path, text]) => loadRuleText(path, text));
  const report: RunReport = {
    files: loaded.map((file) => ({ path: file.source.path, kind: 'rule', diagnostics: file.diagnostics })),
    tests: [],
    ruleCount: loaded.reduce((n, file) => n + file.rules.length, 0),
  };
  return { report, context: { cwd: '/', version: '0.0.0', readText: (path) => files[path] } };
}

describe('stylish', () => {
  it('prints each finding with a code frame, a caret under the span and the hint', () => {
    const { report, context } = reportOf({ 'rules/a.yml': TEXT.replace('\tproduct', '    product'), 'rules/clean.yml': 'title: ok\nlogsource: {product: x}\ndetection:\n  s: {A: 1}\n  condition: s\n' });
    expect(formatStylish(report, { context, color: false })).toBe(
      [
        'rules/a.yml',
        '  2:8  error  `level` must be one of informational, low, medium, high, critical; found `severe`.  schema/not-allowed-value',
        '    2 | level: severe',
        '      |        ^^^^^^',
        '  7:15  error  `endwith` is not a Sigma modifier.  modifier/unknown',
        '    7 |         Image|endwith: x.exe',
        '      |               ^^^^^^^',
        '      hint: Did you mean `endswith`?',
        '',
        '✖ 2 problems (2 errors, 0 warnings) in 2 files, 2 rules.',
        '',
      ].join('\n'),
    );
  });

  it('keeps tabs under the caret line, prints no colour codes without colour, and says when all is clean', () => {
    const { report, context } = reportOf({ 'tab.yml': 'title: t\nlogsource:\n\tproduct: x\n' });
    const text = formatStylish(report, { context, color: false });
    expect(text).not.toMatch(/\u001b\[/);
    const clean = reportOf({ 'ok.yml': 'title: ok\nlogsource: {product: x}\ndetection:\n  s: {A: 1}\n  condition: s\n' });
    expect(formatStylish(clean.report, { context: clean.context, color: false })).toBe('✔ No problems (1 file, 1 rule).\n');
    const tabbed = 'title: t\nlevel:\tsevere\nlogsource: {product: x}\ndetection:\n  s: {A: 1}\n  condition: s\n';
    const caret = formatStylish(reportOf({ 'tab.yml': tabbed }).report, { context: { cwd: '/', version: '0', readText: () => tabbed }, color: false });
    expect(caret).toContain('    2 | level:\tsevere\n      |       \t^^^^^^\n');
  });

  it('colours only when asked, and never with NO_COLOR', () => {
    const { report, context } = reportOf({ 'rules/a.yml': TEXT.replace('\tproduct', '    product') });
    const saved = process.env.NO_COLOR;
    delete process.env.NO_COLOR;
    try {
      expect(formatStylish(report, { context, color: true })).toMatch(/\u001b\[31m/);
      process.env.NO_COLOR = '1';
      expect(formatStylish(report, { context, color: true })).not.toMatch(/\u001b\[/);
    } finally {
      if (saved === undefined) delete process.env.NO_COLOR;
      else process.env.NO_COLOR = saved;
    }
  });
});

describe('stylish on a file that was not read', () => {
  it('does not read a too-large file for a code frame', () => {
    const report: RunReport = {
      files: [{ path: 'big.yml', kind: 'rule', diagnostics: [{ id: 'file/too-large', severity: 'error', message: 'This file is 50 MB, more than the 10 MB a rule file may have; it is not read.', file: 'big.yml', span: { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 } }] }],
      tests: [],
      ruleCount: 0,
    };
    const context: ReportContext = { cwd: '/', version: '0', readText: () => { throw new Error('read'); } };
    expect(formatStylish(report, { context, color: false })).toBe(
      'big.yml\n  1:1  error  This file is 50 MB, more than the 10 MB a rule file may have; it is not read.  file/too-large\n\n✖ 1 problem (1 error, 0 warnings) in 1 file, 0 rules.\n',
    );
  });
});

describe('json', () => {
  it('follows the version 1 contract exactly', () => {
    const { report } = reportOf({ 'rules/a.yml': TEXT.replace('\tproduct', '    product') });
    const json = toJsonReport(report);
    expect(Object.keys(json)).toEqual(['version', 'files', 'tests', 'summary']);
    expect(json.files[0]).toEqual({
      path: 'rules/a.yml',
      kind: 'rule',
      diagnostics: [
        { id: 'schema/not-allowed-value', severity: 'error', message: '`level` must be one of informational, low, medium, high, critical; found `severe`.', line: 2, column: 8, endLine: 2, endColumn: 14 },
        { id: 'modifier/unknown', severity: 'error', message: '`endwith` is not a Sigma modifier.', line: 7, column: 15, endLine: 7, endColumn: 22, hint: 'Did you mean `endswith`?' },
      ],
    });
    expect(json.summary).toEqual({ files: 1, rules: 1, errors: 2, warnings: 0, tests: { pass: 0, fail: 0, error: 0 } });
  });
});

describe('the reporter registry', () => {
  it('knows every format of the command line', () => {
    expect(reporterNames().sort()).toEqual(['github', 'html', 'json', 'junit', 'markdown', 'sarif', 'stylish']);
    const { report, context } = reportOf({ 'rules/a.yml': TEXT.replace('\tproduct', '    product') });
    expect(JSON.parse(getReporter('json')!(report, { context, color: false })).version).toBe(1);
  });
});
