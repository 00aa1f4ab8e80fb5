import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostic.js';
import { loadRuleText } from '../rule/load.js';
import type { Rule } from '../rule/model.js';
import { applyFixes } from './fix.js';
import { lintRules } from './run.js';
import type { LintCheck } from './types.js';

/**
 * Table-driven tests for lint checks, in the manner of ESLint's RuleTester: each row is real Sigma
 * YAML loaded through the loader, with the exact diagnostics it must (or must not) produce.
 * An expected location is either explicit (`line`, `column`) or `at`: the first occurrence of a
 * piece of the snippet (the `nth` one when given), whose start and end must be the span.
 */

export interface SnippetFile {
  path: string;
  code: string;
}

export interface ValidCase {
  name?: string;
  code?: string;
  path?: string;
  files?: SnippetFile[];
  options?: Record<string, unknown>;
}

export interface ExpectedDiagnostic {
  at?: string;
  nth?: number;
  /** Which file of `files` (by path) the diagnostic is in; the first one by default. */
  file?: string;
  line?: number;
  column?: number;
  endLine?: number;
  endColumn?: number;
  message?: string | RegExp;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedDiagnostic[];
  /** The file text after applying every fix; omit to assert nothing about fixes, `null` for "no fix". */
  output?: string | null;
}

export const DEFAULT_PATH = 'rules/windows/process_creation/proc_creation_win_example_rule.yml';

function filesOf(c: ValidCase): SnippetFile[] {
  if (c.files) return c.files;
  return [{ path: c.path ?? DEFAULT_PATH, code: c.code ?? '' }];
}

export function loadSnippets(files: SnippetFile[]): Rule[] {
  const rules: Rule[] = [];
  for (const file of files) {
    const loaded = loadRuleText(file.path, file.code);
    if (loaded.rules.length === 0)
      throw new Error(`snippet ${file.path} loaded no rule: ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
    rules.push(...loaded.rules);
  }
  return rules;
}

function run(check: LintCheck, c: ValidCase): Diagnostic[] {
  const rules = loadSnippets(filesOf(c));
  return lintRules(rules, { preset: 'all', checks: { [check.meta.id]: { severity: check.meta.severity, options: c.options ?? {} } } }, [check]);
}

function locate(code: string, needle: string, nth = 0): { line: number; column: number; endLine: number; endColumn: number } {
  let index = -1;
  for (let i = 0; i <= nth; i++) {
    index = code.indexOf(needle, index + 1);
    if (index === -1) throw new Error(`\`${needle}\` (occurrence ${nth}) is not in the snippet`);
  }
  const position = (offset: number) => {
    const before = code.slice(0, offset);
    const line = before.split('\n').length;
    return { line, column: offset - before.lastIndexOf('\n') };
  };
  const start = position(index);
  const end = position(index + needle.length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

export function lintTable(check: LintCheck, table: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(check.meta.id, () => {
    it('has complete metadata', () => {
      expect(check.meta.id).toMatch(/^lint\/[a-z0-9-]+$/);
      expect(check.meta.docs.length).toBeGreaterThan(10);
      expect(Object.keys(check.meta.messages).length).toBeGreaterThan(0);
      expect(table.valid.length).toBeGreaterThan(0);
      expect(table.invalid.length).toBeGreaterThan(0);
    });
    table.valid.forEach((c, i) => {
      it(`valid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        expect(run(check, c).map((d) => `${d.span.line}:${d.span.column} ${d.message}`)).toEqual([]);
      });
    });
    table.invalid.forEach((c, i) => {
      it(`invalid #${i + 1}${c.name ? `: ${c.name}` : ''}`, () => {
        const files = filesOf(c);
        const diagnostics = run(check, c).sort((a, b) => (a.file === b.file ? a.span.offset - b.span.offset : a.file < b.file ? -1 : 1));
        const actual = diagnostics.map((d) => ({
          id: d.id,
          file: d.file,
          line: d.span.line,
          column: d.span.column,
          endLine: d.span.endLine,
          endColumn: d.span.endColumn,
          message: d.message,
        }));
        const expected = c.errors.map((e) => {
          const file = files.find((f) => f.path === e.file) ?? files[0];
          const where = e.at !== undefined ? locate(file.code, e.at, e.nth) : undefined;
          return {
            id: check.meta.id,
            file: file.path,
            line: e.line ?? where?.line,
            column: e.column ?? where?.column,
            endLine: e.endLine ?? where?.endLine ?? expect.any(Number),
            endColumn: e.endColumn ?? where?.endColumn ?? expect.any(Number),
            message: e.message === undefined ? expect.any(String) : typeof e.message === 'string' ? e.message : expect.stringMatching(e.message),
          };
        });
        expect(actual).toEqual(expected);
        if (c.output !== undefined) {
          const edits = diagnostics.filter((d) => d.file === files[0].path);
          const fixed = applyFixes(files[0].code, edits);
          if (c.output === null) expect(fixed.applied).toBe(0);
          else expect(fixed.text).toBe(c.output);
        }
      });
    });
  });
}
