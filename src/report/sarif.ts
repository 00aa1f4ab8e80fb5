import { createHash } from 'node:crypto';
import { pathToFileURL } from 'node:url';
import type * as Sarif from 'sarif';
import type { Diagnostic, Severity, Span } from '../core/diagnostic.js';
import type { RunReport, TestResult } from '../core/results.js';
import type { DiagnosticDoc, ReportContext } from './context.js';
import { allDiagnostics } from './totals.js';

/**
 * SARIF 2.1.0, as GitHub code scanning and other SARIF viewers read it. Every diagnostic is a
 * result; a failing or erroring test is a result too (`test/fail`, `test/error`) located at the
 * test's declaration, so one upload shows everything a run found.
 */

const SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
const SRCROOT = '%SRCROOT%';
const FINGERPRINT_KEY = 'rulecheck/v1';

const LEVELS: Record<Severity, Sarif.Result.level> = { error: 'error', warning: 'warning', info: 'note' };

const TEST_DOCS: Record<string, DiagnosticDoc> = {
  'test/fail': {
    short: 'A rule test did not get the outcome it declares.',
    help: 'The rule matched a different number of events than the test expects. The result message lists which detection items matched and which did not; fix the rule or the test.',
  },
  'test/error': {
    short: 'A rule test could not be run.',
    help: 'The test names a fixture, sample or event that could not be read or does not exist.',
  },
};

export function formatSarif(report: RunReport, context: ReportContext): string {
  return `${JSON.stringify(buildSarif(report, context), null, 2)}\n`;
}

export function buildSarif(report: RunReport, context: ReportContext): Sarif.Log {
  const rules: Sarif.ReportingDescriptor[] = [];
  const ruleIndex = new Map<string, number>();
  const indexOf = (id: string, severity: Severity): number => {
    let index = ruleIndex.get(id);
    if (index === undefined) {
      index = rules.length;
      ruleIndex.set(id, index);
      rules.push(describeRule(id, severity, context));
    }
    return index;
  };

  const fingerprints = new FingerprintCounter();
  const results: Sarif.Result[] = [];
  for (const diagnostic of allDiagnostics(report)) {
    const index = indexOf(diagnostic.id, diagnostic.severity);
    results.push(diagnosticResult(diagnostic, index, context, fingerprints));
  }
  for (const test of report.tests) {
    if (test.status === 'pass') continue;
    const id = test.status === 'fail' ? 'test/fail' : 'test/error';
    results.push(testResult(test, id, indexOf(id, 'error'), fingerprints));
  }

  return {
    $schema: SCHEMA_URI,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'rulecheck',
            version: context.version,
            semanticVersion: context.version,
            rules,
          },
        },
        originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(withTrailingSlash(context.cwd)).href } },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
}

function describeRule(id: string, severity: Severity, context: ReportContext): Sarif.ReportingDescriptor {
  const doc = context.describe?.(id) ?? TEST_DOCS[id] ?? fallbackDoc(id);
  const descriptor: Sarif.ReportingDescriptor = {
    id,
    name: ruleName(id),
    shortDescription: { text: doc.short },
    help: { text: doc.help ?? doc.short },
    defaultConfiguration: { level: LEVELS[severity] },
    properties: { tags: ['sigma', id.split('/')[0]] },
  };
  if (doc.helpUri) descriptor.helpUri = doc.helpUri;
  return descriptor;
}

function fallbackDoc(id: string): DiagnosticDoc {
  const [area, name = ''] = id.split('/', 2);
  const words = name.replace(/-/g, ' ');
  return {
    short: `${capitalize(area)} check: ${words}.`,
    help:
      `Reported by rulecheck's ${area} stage. To silence one occurrence, put ` +
      `\`# rulecheck-disable-next-line ${id}\` on the line above it; to change its severity everywhere, ` +
      `set \`severities: {"${id}": "warning"}\` (or \`"off"\`) in the rulecheck config.`,
  };
}

/** SARIF `name`: an identifier-like form of the id (`coverage/unknown-field` → `CoverageUnknownField`). */
function ruleName(id: string): string {
  return id
    .split(/[/\-_.]+/)
    .filter(Boolean)
    .map(capitalize)
    .join('');
}

function diagnosticResult(
  diagnostic: Diagnostic,
  ruleIndex: number,
  context: ReportContext,
  fingerprints: FingerprintCounter,
): Sarif.Result {
  const text = context.readText(diagnostic.file);
  const located = text === undefined ? diagnostic.message : locatedText(text, diagnostic.span);
  const result: Sarif.Result = {
    ruleId: diagnostic.id,
    ruleIndex,
    level: LEVELS[diagnostic.severity],
    message: { text: diagnostic.hint ? `${diagnostic.message}\nHint: ${diagnostic.hint}` : diagnostic.message },
    locations: [location(diagnostic.file, diagnostic.span)],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(diagnostic.id, diagnostic.file, located) },
  };
  if (diagnostic.fix && diagnostic.fix.length > 0) {
    result.fixes = [
      {
        description: { text: diagnostic.hint ?? `Fix for ${diagnostic.id}` },
        artifactChanges: [
          {
            artifactLocation: artifact(diagnostic.file),
            replacements: diagnostic.fix.map((edit) => ({
              deletedRegion: { charOffset: edit.offset, charLength: edit.endOffset - edit.offset },
              insertedContent: { text: edit.text },
            })),
          },
        ],
      },
    ];
  }
  return result;
}

function testResult(
  test: TestResult,
  id: string,
  ruleIndex: number,
  fingerprints: FingerprintCounter,
): Sarif.Result {
  const file = test.declaredIn ?? test.file;
  const summary =
    `Test \`${test.name}\` of rule \`${test.rule}\` ${test.status === 'fail' ? 'failed' : 'could not run'}: ` +
    `expected ${test.expected}, got ${test.actual}.` +
    (test.message ? ` ${test.message}` : '');
  const result: Sarif.Result = {
    ruleId: id,
    ruleIndex,
    level: 'error',
    message: { text: test.explanation ? `${summary}\n${test.explanation}` : summary },
    locations: [test.span ? location(file, test.span) : { physicalLocation: { artifactLocation: artifact(file) } }],
    partialFingerprints: { [FINGERPRINT_KEY]: fingerprints.next(id, file, `${test.rule}\0${test.name}`) },
  };
  if (file !== test.file) {
    result.relatedLocations = [{ id: 1, physicalLocation: { artifactLocation: artifact(test.file) }, message: { text: 'the rule under test' } }];
  }
  return result;
}

function location(file: string, span: Span): Sarif.Location {
  return {
    physicalLocation: {
      artifactLocation: artifact(file),
      region: {
        startLine: span.line,
        startColumn: span.column,
        endLine: span.endLine,
        endColumn: span.endColumn,
        charOffset: span.offset,
        charLength: Math.max(0, span.endOffset - span.offset),
      },
    },
  };
}

function artifact(file: string): Sarif.ArtifactLocation {
  return { uri: file.split('/').map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/**
 * What a finding is about, independent of where it sits: the spanned text, or the trimmed line
 * when the span is empty. Whitespace is collapsed so re-indentation does not move a finding.
 */
function locatedText(text: string, span: Span): string {
  let located = text.slice(span.offset, span.endOffset);
  if (located.trim() === '') {
    const lineStart = text.lastIndexOf('\n', Math.max(0, span.offset - 1)) + 1;
    const lineEnd = text.indexOf('\n', span.offset);
    located = text.slice(lineStart, lineEnd === -1 ? text.length : lineEnd);
  }
  return located.replace(/\s+/g, ' ').trim();
}

/**
 * Fingerprints hash the diagnostic id, the file and the located text, never a line number, so a
 * finding keeps its fingerprint when lines above it are added or removed. Identical findings in
 * one file are told apart by their order of appearance.
 */
class FingerprintCounter {
  private seen = new Map<string, number>();

  next(id: string, file: string, located: string): string {
    const base = `${id}\0${file}\0${located}`;
    const occurrence = this.seen.get(base) ?? 0;
    this.seen.set(base, occurrence + 1);
    const hash = createHash('sha256').update(base).digest('hex').slice(0, 32);
    return `${hash}:${occurrence + 1}`;
  }
}

function capitalize(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

function withTrailingSlash(path: string): string {
  return path.endsWith('/') ? path : `${path}/`;
}
