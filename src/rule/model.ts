import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { ConditionExpression } from '../condition/ast.js';
import type { ScalarValue, YamlMap, YamlNode, YamlScalar } from './yaml-node.js';

/**
 * The rule model: built once from a YAML document by `src/rule/`, then read by the schema check,
 * the lint rules, the engine compiler, the coverage checker and the fixture runner.
 */

export interface Located<T> {
  value: T;
  span: Span;
}

/** One file given to the tool, with everything loaded from it. */
export interface LoadedFile {
  source: SourceFile;
  /** Rules in document order; documents that are not rules (e.g. broken YAML) produce none. */
  rules: Rule[];
  /** Problems found while loading: YAML, schema, condition, field specs. */
  diagnostics: Diagnostic[];
}

export type Rule = DetectionRule | CorrelationRule | FilterRule;
export type RuleKind = Rule['kind'];

export interface RuleBase {
  file: SourceFile;
  /** 0-based index of the YAML document inside the file. */
  documentIndex: number;
  /** The whole document as located YAML nodes (for checks on any key). */
  node: YamlMap;
  title?: Located<string>;
  id?: Located<string>;
  name?: Located<string>;
  status?: Located<string>;
  level?: Located<string>;
  description?: Located<string>;
  author?: Located<string>;
  license?: Located<string>;
  taxonomy?: Located<string>;
  /** Normalised to YYYY-MM-DD when the YAML value is a date or a date-like string. */
  date?: Located<string>;
  modified?: Located<string>;
  tags: Located<string>[];
  references: Located<string>[];
  falsepositives: Located<string>[];
  fields: Located<string>[];
  related: { id?: Located<string>; type?: Located<string>; span: Span }[];
  /** Top-level keys that the Sigma specification does not define (Sigma allows custom attributes). */
  customAttributes: { key: YamlScalar; value: YamlNode }[];
  /** The `tests:` attribute, if any; interpreted by src/fixtures/. */
  tests?: YamlNode;
  /** The `regression_tests_path` attribute (SigmaHQ), if any. */
  regressionTestsPath?: Located<string>;
}

export interface Logsource {
  category?: Located<string>;
  product?: Located<string>;
  service?: Located<string>;
  definition?: Located<string>;
  span: Span;
}

export interface DetectionRule extends RuleBase {
  kind: 'detection';
  logsource: Logsource;
  detection: Detection;
}

export interface FilterRule extends RuleBase {
  kind: 'filter';
  logsource: Logsource;
  /** `filter.rules`: ids or names, or `any`. */
  filterRules: Located<string>[] | 'any';
  /** `filter.selection` and any other named selections, with `filter.condition`. */
  detection: Detection;
}

export type CorrelationType =
  | 'event_count'
  | 'value_count'
  | 'temporal'
  | 'temporal_ordered'
  | 'value_sum'
  | 'value_avg'
  | 'value_percentile'
  | 'value_median';

export interface CorrelationRule extends RuleBase {
  kind: 'correlation';
  correlation: {
    type?: Located<string>;
    rules: Located<string>[];
    groupBy: Located<string>[];
    /** Timespan as written, and in seconds when it parses. */
    timespan?: Located<string> & { seconds?: number };
    /** Operator → threshold, plus `field` for value_* types. */
    condition?: {
      operators: { op: 'gt' | 'gte' | 'lt' | 'lte' | 'eq' | 'neq'; value: number; span: Span }[];
      field: Located<string>[];
      span: Span;
    };
    /** Extended (string) condition of temporal correlations. */
    conditionExpression?: Located<string>;
    aliases: { alias: Located<string>; mapping: { rule: Located<string>; field: Located<string> }[] }[];
    generate?: Located<boolean>;
    span: Span;
  };
}

/** `detection:` of a rule (or `filter:` of a filter): named searches and the condition. */
export interface Detection {
  searches: Search[];
  /** One entry per condition string (a list condition is OR of its entries). */
  conditions: Condition[];
  span: Span;
}

export interface Condition {
  /** The condition text as YAML delivered it. */
  text: string;
  span: Span;
  /** Parsed expression; undefined when the condition could not be parsed (errors are in the file's diagnostics). */
  expression?: ConditionExpression;
}

/**
 * A search identifier (`selection: ...`). Its meaning is an OR over `alternatives`,
 * each alternative an AND of detection items:
 * - a map gives one alternative;
 * - a list of maps gives one alternative per map;
 * - a list of plain values (keywords) gives one alternative holding one field-less item.
 */
export interface Search {
  name: string;
  nameSpan: Span;
  span: Span;
  alternatives: DetectionItem[][];
  node: YamlNode;
}

export type ModifierName = string;

export interface Modifier {
  name: ModifierName;
  span: Span;
}

export interface DetectionItem {
  /** Field name, or null for keywords. */
  field: string | null;
  /** The whole key as written (`CommandLine|contains|all`), null for keywords. */
  key: YamlScalar | null;
  /** Span of the field name part of the key. */
  fieldSpan: Span | null;
  modifiers: Modifier[];
  values: DetectionValue[];
  /** `all` modifier present: every value must match (AND); otherwise any value (OR). */
  linking: 'or' | 'and';
  /** `neq` modifier present: the whole item is negated. */
  negated: boolean;
  /** Span of the value node (scalar or list). */
  valueSpan: Span;
  span: Span;
}

export interface DetectionValue {
  /** The value after YAML 1.1 typing; strings are raw (no Sigma escape processing yet). */
  value: ScalarValue;
  node: YamlScalar;
  span: Span;
}
