import type { Diagnostic, Span } from './diagnostic.js';

/**
 * What a run produces, shared by every reporter: the files with their diagnostics, the test
 * results, and optional extras (coverage, test adequacy, mutants) that some formats print.
 */

export type FileKind = 'rule' | 'fixture' | 'catalog' | 'config' | 'manifest' | 'other';

export interface FileReport {
  /** Relative to the working directory, forward slashes. */
  path: string;
  kind: FileKind;
  diagnostics: Diagnostic[];
}

export type TestStatus = 'pass' | 'fail' | 'error';

export interface TestResult {
  /** Rule title (or id when untitled). */
  rule: string;
  ruleId?: string;
  /** Rule file, relative to the working directory. */
  file: string;
  /** Where the test is declared (the test entry in the rule, an info.yml, a manifest). */
  span?: Span;
  /** File that declares the test when it is not the rule file (info.yml, manifest). */
  declaredIn?: string;
  name: string;
  /** inline | regression | manifest | baseline */
  source: 'inline' | 'regression' | 'manifest' | 'baseline';
  status: TestStatus;
  /** `match`, `no-match`, a number, or `>= 1`. */
  expected: string | number;
  /** How many of the events matched, and of how many. */
  actual: string | number;
  message?: string;
  /** Human-readable explanation of why the case failed (engine trace), multi-line. */
  explanation?: string;
  durationMs?: number;
}

export interface RunReport {
  /** Files given to the tool, each once, in a stable order. */
  files: FileReport[];
  tests: TestResult[];
  /** Number of rules loaded (all kinds). */
  ruleCount: number;
  /** Optional sections, filled by the stages that ran. */
  coverage?: unknown;
  /** Per catalog source, how many of its event types the rules cover (filled by the coverage stage). */
  coverageTotals?: CoverageTotal[];
  adequacy?: unknown;
  mutants?: unknown;
  /** Baseline replay totals (filled by the fixture runner with `--baseline`). */
  baseline?: unknown;
}

/** Coverage of one catalog source, as summaries print it (markdown, html, the run summary). */
export interface CoverageTotal {
  /** Catalog source id, e.g. `udr`, `emm/okta/okta_system_log`. */
  source: string;
  /** Event types the catalog documents for the source. */
  eventTypes: number;
  /** Event types selected by at least one rule. */
  covered: number;
  /** Rules whose logsource the source answers to. */
  rules: number;
}
