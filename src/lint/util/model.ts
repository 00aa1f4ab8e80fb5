import type { Span } from '../../core/diagnostic.js';
import type { ConditionExpression } from '../../condition/ast.js';
import type { Detection, DetectionItem, DetectionRule, DetectionValue, FilterRule, Rule, Search } from '../../rule/model.js';
import { mapEntry, type YamlNode, type YamlScalar } from '../../rule/yaml-node.js';

/** Small read-only views over the rule model that many checks share. */

export function detectionOf(rule: Rule): Detection | undefined {
  return rule.kind === 'correlation' ? undefined : rule.detection;
}

export function hasLogsource(rule: Rule): rule is DetectionRule | FilterRule {
  return rule.kind !== 'correlation';
}

const ITEMS = new WeakMap<Rule, { item: DetectionItem; search: Search }[]>();

/** Every detection item of a rule with its search, computed once per rule and shared by all checks. */
export function items(rule: Rule): readonly { item: DetectionItem; search: Search }[] {
  let list = ITEMS.get(rule);
  if (!list) {
    list = [];
    const detection = detectionOf(rule);
    if (detection)
      for (const search of detection.searches)
        for (const alternative of search.alternatives) for (const item of alternative) list.push({ item, search });
    ITEMS.set(rule, list);
  }
  return list;
}

export function modifierNames(item: DetectionItem): string[] {
  return item.modifiers.map((m) => m.name);
}

export function hasModifier(item: DetectionItem, ...names: string[]): boolean {
  const modifiers = item.modifiers;
  for (let i = 0; i < modifiers.length; i++) if (names.includes(modifiers[i].name)) return true;
  return false;
}

/** Span of the whole key (`Field|mod`) or, for keywords, of the value. */
export function itemKeySpan(item: DetectionItem): Span {
  return item.key?.span ?? item.valueSpan;
}

export function walkCondition(expression: ConditionExpression | undefined, visit: (node: ConditionExpression, negated: boolean) => void, negated = false): void {
  if (!expression) return;
  visit(expression, negated);
  if (expression.type === 'and' || expression.type === 'or')
    for (const operand of expression.operands) walkCondition(operand, visit, negated);
  else if (expression.type === 'not') walkCondition(expression.operand, visit, !negated);
}

/** Names of the searches a condition refers to, directly or through a selector. */
export function referencedSearches(detection: Detection): Set<string> {
  const used = new Set<string>();
  for (const condition of detection.conditions)
    walkCondition(condition.expression, (node) => {
      if (node.type === 'identifier') used.add(node.name);
      else if (node.type === 'selector') for (const name of node.matches) used.add(name);
    });
  return used;
}

/** A top-level key of the rule document, as located YAML. */
export function topLevelKey(rule: Rule, key: string): YamlScalar | undefined {
  return mapEntry(rule.node, key)?.key;
}

export function topLevelValue(rule: Rule, key: string): YamlNode | undefined {
  return mapEntry(rule.node, key)?.value;
}

/** Where to point when a key is missing: the document's first key (usually `title`). */
export function documentStart(rule: Rule): Span {
  const first = rule.node.entries[0]?.key.span ?? rule.node.span;
  return { ...first };
}

export function fileName(rule: Rule): string {
  const path = rule.file.path;
  return path.slice(path.lastIndexOf('/') + 1);
}

export function isString(value: unknown): value is string {
  return typeof value === 'string';
}

/** Positions of the unescaped `*` and `?` in a Sigma string (a backslash escapes only `*`, `?` and `\`). */
export function wildcardPositions(text: string): { index: number; char: '*' | '?' }[] {
  const out: { index: number; char: '*' | '?' }[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      const next = text[i + 1];
      if (next === '*' || next === '?' || next === '\\') i++;
    } else if (c === '*' || c === '?') out.push({ index: i, char: c });
  }
  return out;
}

/** Escaped wildcards (`\*`, `\?`) in a Sigma string. */
export function escapedWildcardPositions(text: string): number[] {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '\\') continue;
    const next = text[i + 1];
    if (next === '*' || next === '?') out.push(i);
    if (next === '*' || next === '?' || next === '\\') i++;
  }
  return out;
}

/** Modifiers that make a value something other than a plain Sigma string (wildcards do not apply). */
export const NON_STRING_MODIFIERS = ['re', 'cidr', 'exists', 'fieldref', 'gt', 'gte', 'lt', 'lte', 'minute', 'hour', 'day', 'week', 'month', 'year', 'base64', 'base64offset'];

const NON_STRING = new Set(NON_STRING_MODIFIERS);

export function isPlainStringItem(item: DetectionItem): boolean {
  for (const modifier of item.modifiers) if (NON_STRING.has(modifier.name)) return false;
  return true;
}

export function isRegexItem(item: DetectionItem): boolean {
  return hasModifier(item, 're');
}

export interface RegexValue {
  item: DetectionItem;
  value: DetectionValue;
  pattern: string;
}

const REGEX_VALUES = new WeakMap<Rule, readonly RegexValue[]>();
const NO_REGEX_VALUES: readonly RegexValue[] = [];

/** Every string value of the rule's `re` items, with its item: what the regex checks read (listed once per rule). */
export function regexValues(rule: Rule): readonly RegexValue[] {
  let list = REGEX_VALUES.get(rule);
  if (!list) {
    let found: RegexValue[] | undefined;
    for (const { item } of items(rule)) {
      if (!isRegexItem(item)) continue;
      for (const value of item.values) if (typeof value.value === 'string') (found ??= []).push({ item, value, pattern: value.value });
    }
    list = found ?? NO_REGEX_VALUES;
    REGEX_VALUES.set(rule, list);
  }
  return list;
}

export function regexFlags(item: DetectionItem): string {
  let flags = '';
  if (hasModifier(item, 'i', 'ignorecase')) flags += 'i';
  if (hasModifier(item, 'm', 'multiline')) flags += 'm';
  if (hasModifier(item, 's', 'dotall')) flags += 's';
  return flags;
}

export function logsourceKey(rule: DetectionRule | FilterRule): string {
  const ls = rule.logsource;
  return `${ls.category?.value ?? ''}|${ls.product?.value ?? ''}|${ls.service?.value ?? ''}`;
}

/** The YAML node holding an item's value(s) (a scalar or a sequence), found under its key. */
export function itemValueNode(search: Search, item: DetectionItem): YamlNode | undefined {
  if (!item.key) return undefined;
  return findValueNode(search.node, item.key.span.offset);
}

function findValueNode(node: YamlNode, keyOffset: number): YamlNode | undefined {
  if (node.kind === 'map') {
    for (const entry of node.entries) if (entry.key.span.offset === keyOffset) return entry.value;
    return undefined;
  }
  if (node.kind === 'seq')
    for (const child of node.items) {
      const found = findValueNode(child, keyOffset);
      if (found) return found;
    }
  return undefined;
}
