import type { Diagnostic, Severity, Span } from '../core/diagnostic.js';
import type { Rule } from '../rule/model.js';
import { CHECKS } from './registry.js';
import type { LintCheck, PresetName, ReportExtras } from './types.js';
import { LintConfigError } from './config-error.js';
import { shortened } from '../core/shorten.js';

export { LintConfigError };

/**
 * Runs the enabled checks over a set of rules. Which checks run: the preset (default `recommended`),
 * then per-id settings from the config (`off`, a severity, or `{ severity, options }`).
 */

export type CheckSetting = 'off' | Severity | { severity?: Severity | 'off'; options?: Record<string, unknown> };

export interface LintConfig {
  preset?: PresetName;
  checks?: Record<string, CheckSetting>;
}

export interface EnabledCheck {
  check: LintCheck;
  severity: Severity;
  options: Record<string, unknown>;
}

export function isInPreset(check: LintCheck, preset: PresetName): boolean {
  if (preset === 'all') return true;
  if (preset === 'sigmahq') return check.meta.presets.length > 0;
  return check.meta.presets.includes('recommended');
}


function checkOptions(check: LintCheck, options: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(options)) {
    const spec = check.meta.options?.[name];
    if (!spec) throw new LintConfigError(`\`${check.meta.id}\` has no option \`${name}\`${check.meta.options ? ` (it has ${Object.keys(check.meta.options).map((o) => `\`${o}\``).join(', ')})` : ''}.`);
    const ok =
      spec.type === 'string[]' ? Array.isArray(value) && value.every((v) => typeof v === 'string') : typeof value === (spec.type === 'path' ? 'string' : spec.type);
    if (!ok) throw new LintConfigError(`The option \`${name}\` of \`${check.meta.id}\` must be a ${spec.type === 'string[]' ? 'list of strings' : spec.type === 'path' ? 'file path' : spec.type}.`);
  }
}

export function enabledChecks(config: LintConfig = {}, checks: readonly LintCheck[] = CHECKS): EnabledCheck[] {
  const preset = config.preset ?? 'recommended';
  const known = new Set(checks.map((c) => c.meta.id));
  for (const id of Object.keys(config.checks ?? {}))
    if (!known.has(id)) throw new LintConfigError(`There is no lint check \`${id}\` (\`rulecheck check --list-checks\` lists them).`);
  const out: EnabledCheck[] = [];
  for (const check of checks) {
    const setting = config.checks?.[check.meta.id];
    if (typeof setting === 'object' && setting.options) checkOptions(check, setting.options);
    const explicit = typeof setting === 'string' ? setting : setting?.severity;
    if (explicit === 'off') continue;
    // A check outside the preset runs only when the configuration gives it a severity.
    if (!explicit && !isInPreset(check, preset)) continue;
    const options: Record<string, unknown> = {};
    for (const [name, spec] of Object.entries(check.meta.options ?? {})) options[name] = spec.default;
    if (typeof setting === 'object' && setting.options) Object.assign(options, setting.options);
    out.push({ check, severity: explicit ?? check.meta.severity, options });
  }
  return out;
}

/** Values quoted in a message keep this many characters (then `…`). */
const QUOTED_CHARACTERS = 79;

export function formatMessage(template: string, data: Record<string, string | number> = {}): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => (Object.hasOwn(data, key) ? shortened(String(data[key]), QUOTED_CHARACTERS) : whole));
}

function diagnostic(
  enabled: EnabledCheck,
  rule: Rule,
  key: string,
  span: Span,
  data: Record<string, string | number> | undefined,
  extras: ReportExtras | undefined,
): Diagnostic {
  const template = enabled.check.meta.messages[key];
  if (template === undefined) throw new Error(`${enabled.check.meta.id} has no message \`${key}\``);
  const out: Diagnostic = {
    id: enabled.check.meta.id,
    severity: enabled.severity,
    message: formatMessage(template, data),
    file: rule.file.path,
    span,
  };
  if (extras?.hint) out.hint = extras.hint;
  if (extras?.fix && extras.fix.length > 0) out.fix = extras.fix;
  return out;
}

function internalError(enabled: EnabledCheck, rule: Rule, error: unknown): Diagnostic {
  return {
    id: 'lint/internal-error',
    severity: 'error',
    message: `The check \`${enabled.check.meta.id}\` failed on this rule: ${(error as Error).message}`,
    file: rule.file.path,
    span: rule.node.span,
  };
}

export function lintRules(rules: Rule[], config: LintConfig = {}, checks?: readonly LintCheck[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  const enabled = enabledChecks(config, checks);
  const byKind = new Map<Rule['kind'], EnabledCheck[]>();
  for (const kind of ['detection', 'correlation', 'filter'] as const)
    byKind.set(kind, enabled.filter((e) => e.check.check && (!e.check.meta.kinds || e.check.meta.kinds.includes(kind))));
  // Rules outer, checks inner: each rule's objects stay warm while every check reads them. One
  // context object is reused for every (rule, check) pair: hundreds of thousands of pairs per run.
  let entry: EnabledCheck = enabled[0];
  const context = {
    rule: rules[0],
    options: {} as Record<string, unknown>,
    report: (key: string, span: Span, data?: Record<string, string | number>, extras?: ReportExtras) =>
      out.push(diagnostic(entry, context.rule, key, span, data, extras)),
  };
  for (const rule of rules) {
    context.rule = rule;
    for (const current of byKind.get(rule.kind)!) {
      entry = current;
      context.options = current.options;
      try {
        current.check.check!(context);
      } catch (error) {
        // A file named by a check's options that cannot be used stops the run like any bad option.
        if (error instanceof LintConfigError) throw error;
        out.push(internalError(current, rule, error));
      }
    }
  }
  for (const entry of enabled) {
    if (!entry.check.finalize) continue;
    try {
      entry.check.finalize({
        rules,
        options: entry.options,
        report: (rule, key, span, data, extras) => out.push(diagnostic(entry, rule, key, span, data, extras)),
      });
    } catch (error) {
      if (error instanceof LintConfigError) throw error;
      if (rules[0]) out.push(internalError(entry, rules[0], error));
    }
  }
  return out;
}
