import type { ConditionExpression } from '../../condition/ast.js';
import type { Detection, DetectionItem, Rule } from '../../rule/model.js';
import { canonicalModifier } from '../../rule/modifiers.js';
import { leadingInlineFlags } from './regex-scan.js';
import { detectionOf, wildcardPositions } from './model.js';

/**
 * A canonical form of a rule's detection logic: what it matches, independent of how it is spelt.
 * `contains`/`startswith`/`endswith` become the wildcards they stand for, runs of `*` collapse,
 * value lists are sets, leading `(?i)` flags become modifiers, aliases (`utf16le`/`wide`) unify.
 * Used to find duplicate rules and to prove that `--fix` never changes what a rule matches.
 */

export interface CanonicalItem {
  field: string | null;
  modifiers: string[];
  linking: 'or' | 'and';
  negated: boolean;
  values: string[];
}

const WRAPPERS = new Set(['contains', 'startswith', 'endswith']);
/** Modifiers after which a value is no longer a Sigma string with live wildcards (`windash`, `expand` keep them). */
const WILDCARD_FREE = new Set(['re', 'cidr', 'exists', 'fieldref', 'gt', 'gte', 'lt', 'lte', 'minute', 'hour', 'day', 'week', 'month', 'year', 'base64', 'base64offset', 'wide', 'utf16', 'utf16be', 'utf16le']);

function collapseStars(text: string): string {
  // Only a run of two or more `*` collapses: most values have none.
  if (!text.includes('**')) return text;
  const stars = new Set(wildcardPositions(text).filter((w) => w.char === '*').map((w) => w.index));
  let out = '';
  for (let i = 0; i < text.length; i++) if (!(stars.has(i) && stars.has(i - 1))) out += text[i];
  return out;
}

function startsWithStar(text: string): boolean {
  // Nothing precedes the first character, so a `*` there is never escaped.
  return text.length > 0 && text.charCodeAt(0) === 42;
}

function endsWithStar(text: string): boolean {
  if (text.length === 0 || text.charCodeAt(text.length - 1) !== 42) return false;
  const w = wildcardPositions(text);
  const last = w[w.length - 1];
  return !!last && last.char === '*' && last.index === text.length - 1;
}

const ITEM_CACHE = new WeakMap<DetectionItem, CanonicalItem>();

export function canonicalItem(item: DetectionItem): CanonicalItem {
  let cached = ITEM_CACHE.get(item);
  if (!cached) ITEM_CACHE.set(item, (cached = computeCanonicalItem(item)));
  return cached;
}

function computeCanonicalItem(item: DetectionItem): CanonicalItem {
  const names = item.modifiers.map((m) => (m.name === 'utf16le' ? 'wide' : canonicalModifier(m.name)));
  const transforms = names.some((n) => WILDCARD_FREE.has(n));
  const modifiers = transforms ? [...names] : names.filter((n) => !WRAPPERS.has(n));
  const values = item.values.map((v) => {
    if (typeof v.value !== 'string') return `${typeof v.value}:${v.value instanceof Date ? v.value.toISOString() : String(v.value)}`;
    let text = v.value;
    if (names.includes('re')) {
      const flags = leadingInlineFlags(text);
      if (flags) {
        text = text.slice(flags.length);
        for (const f of flags.flags) if (!modifiers.includes(f)) modifiers.push(f);
      }
      return `re:${text}`;
    }
    if (transforms) return `string:${text}`;
    if (names.includes('contains') || names.includes('endswith')) text = startsWithStar(text) ? text : `*${text}`;
    if (names.includes('contains') || names.includes('startswith')) text = endsWithStar(text) ? text : `${text}*`;
    return `string:${collapseStars(text)}`;
  });
  const unique = [...new Set(values)].sort();
  return {
    field: item.field,
    modifiers: [...new Set(modifiers)].sort(),
    linking: unique.length < 2 ? 'or' : item.linking,
    negated: item.negated,
    values: unique,
  };
}

/** The condition with every search replaced by its canonical content, so search names do not matter. */
export function canonicalExpression(node: ConditionExpression | undefined, bodies: Map<string, string> = new Map()): string {
  if (!node) return '?';
  const body = (name: string) => bodies.get(name) ?? name;
  switch (node.type) {
    case 'identifier':
      return body(node.name);
    case 'selector':
      return `${node.quantifier}(${node.matches.map(body).sort().join(',')})`;
    case 'not':
      return `not(${canonicalExpression(node.operand, bodies)})`;
    case 'and':
    case 'or':
      return `${node.type}(${node.operands.map((o) => canonicalExpression(o, bodies)).sort().join(',')})`;
  }
}

export function canonicalDetection(detection: Detection): string[] {
  const bodies = new Map<string, string>();
  for (const search of detection.searches)
    bodies.set(search.name, JSON.stringify(search.alternatives.map((alt) => alt.map((i) => JSON.stringify(canonicalItem(i))).sort()).sort()));
  return detection.conditions.map((c) => canonicalExpression(c.expression, bodies)).sort();
}

/** The canonical detection logic of a rule as one string (logsource included). */
const RULE_CACHE = new WeakMap<Rule, string>();

export function canonicalRule(rule: Rule): string {
  let cached = RULE_CACHE.get(rule);
  if (cached === undefined) RULE_CACHE.set(rule, (cached = computeCanonicalRule(rule)));
  return cached;
}

function computeCanonicalRule(rule: Rule): string {
  const detection = detectionOf(rule);
  if (!detection || rule.kind === 'correlation') return JSON.stringify({ kind: rule.kind });
  const ls = rule.logsource;
  return JSON.stringify({
    kind: rule.kind,
    logsource: [ls.category?.value ?? null, ls.product?.value ?? null, ls.service?.value ?? null],
    detection: canonicalDetection(detection),
  });
}
