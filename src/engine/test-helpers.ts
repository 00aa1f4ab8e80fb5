import { resolve } from 'node:path';
import { discoverRuleFiles, loadRuleFile, loadRuleText } from '../rule/load.js';
import type { DetectionRule } from '../rule/model.js';
import { compileRule, RuleCompileError, type CompileOptions, type CompiledRule } from './compile.js';

/** Builds a detection rule from YAML text through the real loader; fails loudly on load errors. */
export function ruleFromYaml(text: string): DetectionRule {
  const loaded = loadRuleText('test-rule.yml', text);
  const errors = loaded.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) throw new Error(`rule does not load: ${errors.map((d) => `${d.id}: ${d.message}`).join('; ')}`);
  const rule = loaded.rules[0];
  if (!rule || rule.kind !== 'detection') throw new Error('no detection rule in the text');
  return rule;
}

/** A rule with the given `detection:` body (indented YAML lines) and logsource. */
export function detectionRule(detection: string, logsource = 'product: test'): DetectionRule {
  const body = detection
    .trim()
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
  const ls = logsource
    .split('\n')
    .map((l) => '  ' + l)
    .join('\n');
  return ruleFromYaml(`title: Engine test\nlogsource:\n${ls}\ndetection:\n${body}\n`);
}

export function compiled(detection: string, options: CompileOptions = {}, logsource?: string): CompiledRule {
  return compileRule(detectionRule(detection, logsource), options);
}

/** SigmaHQ's Windows rule folders, read at run time (tests skip when the corpus is absent). */
export const SIGMAHQ_WINDOWS = resolve(import.meta.dirname, '../../../shared/corpora/sigmahq/rules/windows');

/**
 * The detection rules of some SigmaHQ Windows folders, each through `compile`; rules that do not compile
 * (those needing placeholder values) are left out.
 */
export async function compileSigmaHqRules<T>(folders: string[], compile: (rule: DetectionRule) => T): Promise<T[]> {
  const out: T[] = [];
  for (const file of discoverRuleFiles(folders.map((d) => resolve(SIGMAHQ_WINDOWS, d))))
    for (const rule of loadRuleFile(file).rules)
      if (rule.kind === 'detection')
        try {
          out.push(compile(rule));
        } catch (error) {
          if (!(error instanceof RuleCompileError)) throw error;
        }
  return out;
}

/** `[field, literal]` of every value literal of the rules' field items: material for events that match. */
export function fieldLiterals(rules: readonly CompiledRule[]): (readonly [string, string])[] {
  return rules.flatMap((r) =>
    r.searches.flatMap((s) => s.alternatives.flatMap((a) => a.flatMap((i) => (i.field ? i.matchers.flatMap((m) => (m.atoms ?? []).map((atom) => [i.field!, atom.text] as const)) : [])))),
  );
}
