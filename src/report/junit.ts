import { createRequire } from 'node:module';
import type { Builder, TestCase as JunitTestCase } from 'junit-report-builder';
import type { Diagnostic } from '../core/diagnostic.js';
import type { FileReport, RunReport, TestResult } from '../core/results.js';

// The package is CommonJS whose module.exports is the builder, while its typings declare an ES
// default export; requiring it gives the object the typings describe. Required on first use: loading
// it costs every run some 40 ms, and most runs print no JUnit.
let junitReportBuilder: Builder | undefined;

/**
 * JUnit XML, as CI test dashboards (Jenkins, GitLab, Azure Pipelines, test-reporter actions) read it.
 * One <testsuite> per file. Each suite has a `check` test case that fails when the file has
 * error-level diagnostics (warnings go to its system-out), and one test case per rule test, whose
 * failure carries the explanation of why the rule did or did not match.
 */
export function formatJunit(report: RunReport): string {
  junitReportBuilder ??= createRequire(import.meta.url)('junit-report-builder') as Builder;
  const builder = junitReportBuilder.newBuilder().name('rulecheck');
  const testsByFile = new Map<string, TestResult[]>();
  for (const test of report.tests) {
    const list = testsByFile.get(test.file) ?? [];
    list.push(test);
    testsByFile.set(test.file, list);
  }

  const files = new Map<string, FileReport | undefined>(report.files.map((file) => [file.path, file]));
  for (const path of testsByFile.keys()) if (!files.has(path)) files.set(path, undefined);

  for (const [path, file] of files) {
    const suite = builder.testSuite().name(path);
    if (file) addCheckCase(suite.testCase(), file);
    for (const test of testsByFile.get(path) ?? []) {
      const testCase = suite.testCase().className(test.rule).name(test.name).file(test.declaredIn ?? test.file);
      if (test.durationMs !== undefined) testCase.time(test.durationMs / 1000);
      const summary = `expected ${test.expected}, got ${test.actual}${test.message ? `: ${test.message}` : ''}`;
      if (test.status === 'fail') testCase.failure(summary, 'test-failed').stacktrace(test.explanation ?? summary);
      else if (test.status === 'error') testCase.error(summary, 'test-error', test.explanation ?? summary);
    }
  }
  return builder.build();
}

function addCheckCase(testCase: JunitTestCase, file: FileReport): void {
  testCase.className(file.path).name('check').file(file.path);
  const errors = file.diagnostics.filter((d) => d.severity === 'error');
  const others = file.diagnostics.filter((d) => d.severity !== 'error');
  if (errors.length > 0) {
    const first = errors[0];
    const message = errors.length === 1 ? `${first.id}: ${first.message}` : `${errors.length} errors, first: ${first.id}: ${first.message}`;
    testCase.failure(message, 'check').stacktrace(errors.map(describe).join('\n'));
  }
  if (others.length > 0) testCase.standardOutput(others.map(describe).join('\n'));
}

function describe(d: Diagnostic): string {
  const where = `${d.file}:${d.span.line}:${d.span.column}`;
  return `${where} ${d.severity} ${d.id}: ${d.message}${d.hint ? ` (hint: ${d.hint})` : ''}`;
}
