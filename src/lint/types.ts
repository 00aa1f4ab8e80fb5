import type { Severity, Span, TextEdit } from '../core/diagnostic.js';
import type { Rule, RuleKind } from '../rule/model.js';

/**
 * The shape of a lint check: `meta` is data (id, severity, docs, messages, options), `check` looks at
 * one rule, `finalize` looks at every rule of the run (uniqueness, references, overlaps).
 */

/** `recommended`: correctness, on by default. `sigmahq`: SigmaHQ repository conventions (on top of recommended). */
export type Preset = 'recommended' | 'sigmahq';
export type PresetName = Preset | 'all';

export interface OptionSpec {
  /** `path`: a file name, which the config loader resolves against the config file's folder. */
  type: 'number' | 'string' | 'boolean' | 'string[]' | 'path';
  default: number | string | boolean | string[];
  description: string;
}

export interface CheckMeta {
  /** `lint/<kebab-name>`. */
  id: string;
  severity: Severity;
  /** Presets that turn the check on; `all` turns on every check. */
  presets: Preset[];
  /** One line, shown by `--list-checks` and in docs/lint.md. */
  docs: string;
  /** Message templates by key; `{name}` is replaced by `data.name`. */
  messages: Record<string, string>;
  options?: Record<string, OptionSpec>;
  fixable?: boolean;
  /** Equivalent checks elsewhere: `pysigma:<id>`, `sigmahq:<id>`, `sigmahq-test:<test name>`. */
  equivalents?: string[];
  /** Rule kinds the per-rule `check` runs on; all kinds when absent. */
  kinds?: RuleKind[];
}

export interface ReportExtras {
  hint?: string;
  fix?: TextEdit[];
}

export interface RuleContext {
  rule: Rule;
  options: Record<string, unknown>;
  report(messageKey: string, span: Span, data?: Record<string, string | number>, extras?: ReportExtras): void;
}

export interface ProjectContext {
  rules: Rule[];
  options: Record<string, unknown>;
  report(
    rule: Rule,
    messageKey: string,
    span: Span,
    data?: Record<string, string | number>,
    extras?: ReportExtras,
  ): void;
}

export interface LintCheck {
  meta: CheckMeta;
  check?(context: RuleContext): void;
  finalize?(context: ProjectContext): void;
}

export function defineCheck(check: LintCheck): LintCheck {
  return check;
}
