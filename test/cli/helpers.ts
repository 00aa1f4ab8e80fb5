import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidateFunction } from 'ajv';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const BIN = join(ROOT, 'bin', 'rulecheck.js');
export const FIXTURES = join(ROOT, 'test', 'fixtures', 'cli');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the built CLI as a user would, outside a terminal and outside GitHub Actions. */
export function rulecheck(args: string[], cwd: string, env: Record<string, string> = {}): CliResult {
  const clean = { ...process.env };
  delete clean.GITHUB_STEP_SUMMARY;
  delete clean.GITHUB_ACTIONS;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd,
    encoding: 'utf8',
    env: { ...clean, NO_COLOR: '1', ...env },
    timeout: 60_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** A copy of one of the rule sets under test/fixtures/cli, in a fresh temp directory. */
export function copyFixture(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `rulecheck-cli-${name}-`));
  cpSync(join(FIXTURES, name), dir, { recursive: true });
  return dir;
}

export function emptyDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `rulecheck-cli-${label}-`));
}

/** A fresh temp directory holding `files` (relative path → text). */
export function projectDir(label: string, files: Record<string, string>): string {
  const dir = emptyDir(label);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

const require = createRequire(import.meta.url);

let sarifValidator: ValidateFunction | undefined;

/** The SARIF 2.1.0 schema (test/schemas, draft-04) compiled with ajv. */
export function sarifValidate(): ValidateFunction {
  if (!sarifValidator) {
    const Ajv04 = require('ajv-draft-04') as typeof import('ajv-draft-04').default;
    const addFormats = require('ajv-formats') as typeof import('ajv-formats').default;
    const schema = JSON.parse(readFileSync(join(ROOT, 'test', 'schemas', 'sarif-schema-2.1.0.json'), 'utf8'));
    // unicodeRegExp: false because one pattern of the published schema (`language`) is not a valid `u` regex.
    const ajv = new Ajv04({ allErrors: true, strict: false, unicodeRegExp: false });
    addFormats(ajv);
    sarifValidator = ajv.compile(schema);
  }
  return sarifValidator;
}

/** The `--format json` contract of docs/cli.md, as a JSON Schema. */
export const JSON_REPORT_SCHEMA = {
  type: 'object',
  required: ['version', 'files', 'tests', 'summary'],
  properties: {
    version: { const: 1 },
    files: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'kind', 'diagnostics'],
        properties: {
          path: { type: 'string', not: { pattern: '^/' } },
          kind: { enum: ['rule', 'fixture', 'catalog', 'config', 'manifest', 'other'] },
          diagnostics: {
            type: 'array',
            items: {
              type: 'object',
              required: ['id', 'severity', 'message', 'line', 'column', 'endLine', 'endColumn'],
              properties: {
                id: { type: 'string', pattern: '^[a-z0-9-]+/[a-z0-9-]+$' },
                severity: { enum: ['error', 'warning', 'info'] },
                message: { type: 'string', minLength: 1 },
                line: { type: 'integer', minimum: 1 },
                column: { type: 'integer', minimum: 1 },
                endLine: { type: 'integer', minimum: 1 },
                endColumn: { type: 'integer', minimum: 1 },
                hint: { type: 'string' },
              },
            },
          },
        },
      },
    },
    tests: {
      type: 'array',
      items: {
        type: 'object',
        required: ['rule', 'file', 'name', 'status', 'expected', 'actual'],
        properties: {
          rule: { type: 'string' },
          file: { type: 'string', not: { pattern: '^/' } },
          name: { type: 'string' },
          status: { enum: ['pass', 'fail', 'error'] },
          expected: { type: ['string', 'integer'] },
          actual: { type: ['string', 'integer'] },
          message: { type: 'string' },
        },
      },
    },
    summary: {
      type: 'object',
      required: ['files', 'rules', 'errors', 'warnings', 'tests'],
      properties: {
        files: { type: 'integer' },
        rules: { type: 'integer' },
        errors: { type: 'integer' },
        warnings: { type: 'integer' },
        tests: {
          type: 'object',
          required: ['pass', 'fail', 'error'],
          properties: { pass: { type: 'integer' }, fail: { type: 'integer' }, error: { type: 'integer' } },
        },
      },
    },
  },
} as const;

export function jsonValidate(): ValidateFunction {
  const Ajv = require('ajv') as typeof import('ajv').default;
  return new Ajv({ allErrors: true, strict: false }).compile(JSON_REPORT_SCHEMA);
}

export interface JsonReport {
  version: 1;
  files: {
    path: string;
    kind: string;
    diagnostics: { id: string; severity: string; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  }[];
  tests: { rule: string; file: string; name: string; status: 'pass' | 'fail' | 'error'; expected: string | number; actual: string | number }[];
  summary: { files: number; rules: number; errors: number; warnings: number; tests: { pass: number; fail: number; error: number } };
}

/** 1-based line and column of the first occurrence of `needle` in a file. */
export function positionOf(path: string, needle: string): { line: number; column: number } {
  const text = readFileSync(path, 'utf8');
  const offset = text.indexOf(needle);
  if (offset < 0) throw new Error(`${needle} not in ${path}`);
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}
