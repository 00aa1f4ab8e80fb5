import { loadRuleText } from '../rule/load.js';
import type { DetectionRule } from '../rule/model.js';
import { compileRule, type CompileOptions, type CompiledRule } from './compile.js';

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
