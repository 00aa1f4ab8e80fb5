import type { Span } from '../../core/diagnostic.js';
import type { ConditionExpression } from '../../condition/ast.js';
import type { Detection, DetectionItem, DetectionRule, DetectionValue, FilterRule, Rule, Search } from '../../rule/model.js';
import { mapEntry, type YamlNode, type YamlScalar } from '../../rule/yaml-node.js';
import { perRule } from './per-rule.js';
import { valueFeature } from './rough-key.js';

/** Small read-only views over the rule model that many checks share. */

export function detectionOf(rule: Rule): Detection | undefined {
  return rule.kind === 'correlation' ? undefined : rule.detection;
}

export function hasLogsource(rule: Rule): rule is DetectionRule | FilterRule {
  return rule.kind !== 'correlation';
}

/**
 * What a rule's detection items and values contain, found in the same walk that lists its items. Most value
 * checks look for something rare (an escaped wildcard, a `windash` modifier, a `Provider_Name` field); with
 * these facts they skip the rules that cannot have it instead of each walking every item of every rule.
 * Each fact is a necessary condition of a finding, never a sufficient one.
 */
export interface ValueFacts {
  /** `FACT_*` bits. */
  flags: number;
  /** Modifier names used by any item. */
  modifiers: readonly string[];
  /** Field names of the items. */
  fields: readonly string[];
  /**
   * 64 bits in two halves, one set per distinct (field, value feature) pair (see `valueFeature`): rules whose
   * canonical items are equal have equal signatures, whatever the order or repetition of their values.
   */
  signatureLow: number;
  signatureHigh: number;
}

/** A string value contains `\*` or `\?`. */
export const FACT_ESCAPED_WILDCARD = 1;
/** A string value contains `**`. */
export const FACT_DOUBLE_STAR = 2;
/** A string value contains `%`. */
export const FACT_PERCENT = 4;
/** A string value contains a control character (U+0000–U+001F). */
export const FACT_CONTROL = 8;
/** A string value of two characters or more starts or ends with `*`. */
export const FACT_EDGE_STAR = 16;
/** A string value starts with a digit, or with `-` and a digit. */
export const FACT_NUMERIC_START = 32;
/** An item has two values or more. */
export const FACT_MULTI_VALUE = 64;
/** An item with a field links two values or more with `all`, without `contains`. */
export const FACT_ALL_WITHOUT_CONTAINS = 128;
/** A value is `null`. */
export const FACT_NULL = 256;
/** An item's single value is written as a one-item list. */
export const FACT_SINGLE_ITEM_LIST = 512;
/** A field name contains a space. */
export const FACT_FIELD_SPACE = 1024;
/** A plain (unquoted) scalar, other than a decimal integer, starts like a YAML 1.1 number or date, or is as short as a YAML 1.1 boolean (`y`, `no`, `off`…). */
export const FACT_MAYBE_YAML11_SPECIAL = 2048;

interface RuleView {
  items: { item: DetectionItem; search: Search }[];
  facts: ValueFacts;
}

// Indexed loops: this walk runs once per rule, mostly before V8 optimises it, where `for…of` costs an
// iterator object and a call per element.
function buildView(rule: Rule): RuleView {
  const list: { item: DetectionItem; search: Search }[] = [];
  const modifiers: string[] = [];
  const fields: string[] = [];
  let flags = 0;
  let low = 0;
  let high = 0;
  const detection = detectionOf(rule);
  const searches = detection ? detection.searches : [];
  for (let s = 0; s < searches.length; s++) {
    const search = searches[s];
    const alternatives = search.alternatives;
    for (let a = 0; a < alternatives.length; a++) {
      const alternative = alternatives[a];
      for (let i = 0; i < alternative.length; i++) {
        const item = alternative[i];
        list.push({ item, search });
        const itemModifiers = item.modifiers;
        let contains = false;
        for (let m = 0; m < itemModifiers.length; m++) {
          const name = itemModifiers[m].name;
          if (name === 'contains') contains = true;
          if (!modifiers.includes(name)) modifiers.push(name);
        }
        const field = item.field;
        if (field !== null && !fields.includes(field)) {
          fields.push(field);
          if (field.includes(' ')) flags |= FACT_FIELD_SPACE;
        }
        const fieldHash = Math.imul(fieldNumber(field ?? ''), 0x85ebca6b);
        const values = item.values;
        if (values.length > 1) {
          flags |= FACT_MULTI_VALUE;
          if (item.linking === 'and' && field !== null && !contains) flags |= FACT_ALL_WITHOUT_CONTAINS;
        } else if (values.length === 1 && values[0].span.offset !== item.valueSpan.offset) flags |= FACT_SINGLE_ITEM_LIST;
        for (let v = 0; v < values.length; v++) {
          const value = values[v];
          const node = value.node;
          if (node.style === 'plain' && mayBeYaml11Special(node.source)) flags |= FACT_MAYBE_YAML11_SPECIAL;
          const raw = value.value;
          if (typeof raw === 'string') flags |= stringFacts(raw);
          else if (raw === null) flags |= FACT_NULL;
          const bit = Math.imul(fieldHash ^ valueFeature(raw), 0x9e3779b1) >>> 26;
          if (bit < 32) low |= 1 << bit;
          else high |= 1 << (bit - 32);
        }
      }
    }
  }
  return { items: list, facts: { flags, modifiers, fields, signatureLow: low, signatureHigh: high } };
}

/** Field names numbered in the order first seen, for the value signature. */
const FIELD_NUMBERS = new Map<string, number>();

function fieldNumber(field: string): number {
  let number = FIELD_NUMBERS.get(field);
  if (number === undefined) FIELD_NUMBERS.set(field, (number = FIELD_NUMBERS.size));
  return number;
}

function stringFacts(text: string): number {
  let flags = 0;
  const n = text.length;
  if (n === 0) return 0;
  const first = text.charCodeAt(0);
  if (isDigit(first) || (first === 45 && n > 1 && isDigit(text.charCodeAt(1)))) flags |= FACT_NUMERIC_START;
  if (n > 1 && (first === 42 || text.charCodeAt(n - 1) === 42)) flags |= FACT_EDGE_STAR;
  // Most values have none of the rarer characters: one search rules out the four tests below.
  if (!RARE.test(text)) return flags;
  if (text.includes('\\*') || text.includes('\\?')) flags |= FACT_ESCAPED_WILDCARD;
  if (text.includes('**')) flags |= FACT_DOUBLE_STAR;
  if (text.includes('%')) flags |= FACT_PERCENT;
  if (CONTROL.test(text)) flags |= FACT_CONTROL;
  return flags;
}

const RARE = /[*?%\x00-\x1f]/;
const CONTROL = /[\x00-\x1f]/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Whether a plain scalar may be one YAML 1.1 reads as something other than its text: numbers and dates start
 * with a digit, a sign or `.`, but a decimal integer without a leading zero (`4688`) reads the same in YAML 1.1
 * and 1.2; booleans (`y`, `no`, `on`, `off`…) have at most three letters.
 */
function mayBeYaml11Special(source: string): boolean {
  const n = source.length;
  if (n === 0) return false;
  const c = source.charCodeAt(0);
  if (isDigit(c)) {
    if (c === 48) return n > 1;
    let i = 1;
    while (i < n && isDigit(source.charCodeAt(i))) i++;
    return i < n;
  }
  return c === 43 || c === 45 || c === 46 || (n <= 3 && (c === 121 || c === 89 || c === 110 || c === 78 || c === 111 || c === 79));
}

const viewOf = perRule(buildView);

/** Every detection item of a rule with its search, computed once per rule and shared by all checks. */
export function items(rule: Rule): readonly { item: DetectionItem; search: Search }[] {
  return viewOf(rule).items;
}

/** What the rule's items and values contain (see `ValueFacts`), found with `items`. */
export function valueFacts(rule: Rule): ValueFacts {
  return viewOf(rule).facts;
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

const NO_REGEX_VALUES: readonly RegexValue[] = [];

/** Every string value of the rule's `re` items, with its item: what the regex checks read (listed once per rule). */
export const regexValues = perRule((rule): readonly RegexValue[] => {
  if (!valueFacts(rule).modifiers.includes('re')) return NO_REGEX_VALUES;
  let found: RegexValue[] | undefined;
  for (const { item } of items(rule)) {
    if (!isRegexItem(item)) continue;
    for (const value of item.values) if (typeof value.value === 'string') (found ??= []).push({ item, value, pattern: value.value });
  }
  return found ?? NO_REGEX_VALUES;
});

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
