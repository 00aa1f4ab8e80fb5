import type { DetectionItem, DetectionRule, Rule } from '../../rule/model.js';
import type { ConditionExpression } from '../../condition/ast.js';
import { defineCheck } from '../types.js';
import { canonicalItem, canonicalRule, type CanonicalItem } from '../util/canonical.js';
import { logsourceKey } from '../util/model.js';
import { valueFeature } from '../util/rough-key.js';

/**
 * A rule "requires" a set of items when its only condition is one search or an AND of searches, and
 * each of those searches is a single map. Rule A is inside rule B when every item B requires is
 * implied by an item A requires (same field and modifiers; for OR lists A's values are a subset of
 * B's, for `|all` lists a superset). Then every event A matches, B matches too.
 */
interface Requirement {
  rule: DetectionRule;
  raw: DetectionItem[];
  /** Field → value features (see rough-key.ts), for a cheap first test. */
  fields: Map<string, Set<number>>;
  /** Fields required by exactly one plain OR item: there A inside B needs A's values ⊆ B's. */
  simple: Set<string>;
  items?: Map<string, CanonicalItem[]>;
}

function canonicalItems(req: Requirement): Map<string, CanonicalItem[]> {
  if (req.items) return req.items;
  const out = new Map<string, CanonicalItem[]>();
  for (const item of req.raw) {
    const canonical = canonicalItem(item);
    const key = `${canonical.field}|${canonical.modifiers.join('|')}|${canonical.negated}`;
    const list = out.get(key);
    if (list) list.push(canonical);
    else out.set(key, [canonical]);
  }
  return (req.items = out);
}

function conjunctionNames(node: ConditionExpression | undefined): string[] | undefined {
  if (!node) return undefined;
  if (node.type === 'identifier') return [node.name];
  if (node.type === 'selector' && node.quantifier === 'all') return node.matches;
  if (node.type === 'selector' && node.matches.length === 1) return node.matches;
  if (node.type === 'and') {
    const out: string[] = [];
    for (const operand of node.operands) {
      const names = conjunctionNames(operand);
      if (!names) return undefined;
      out.push(...names);
    }
    return out;
  }
  return undefined;
}

function requirement(rule: DetectionRule): Requirement | undefined {
  if (rule.detection.conditions.length !== 1) return undefined;
  const names = conjunctionNames(rule.detection.conditions[0].expression);
  if (!names || names.length === 0) return undefined;
  const raw: DetectionItem[] = [];
  for (const name of names) {
    const search = rule.detection.searches.find((s) => s.name === name);
    if (!search || search.alternatives.length !== 1) return undefined;
    for (const item of search.alternatives[0]) {
      if (!item.field) return undefined;
      raw.push(item);
    }
  }
  const fields = new Map<string, Set<number>>();
  const perField = new Map<string, number>();
  for (const item of raw) perField.set(item.field!, (perField.get(item.field!) ?? 0) + 1);
  const simple = new Set(raw.filter((i) => perField.get(i.field!) === 1 && !i.negated && (i.linking === 'or' || i.values.length === 1)).map((i) => i.field!));
  for (const item of raw) {
    const set = fields.get(item.field!) ?? new Set<number>();
    for (const value of item.values) set.add(valueFeature(value.value));
    fields.set(item.field!, set);
  }
  return { rule, raw, fields, simple };
}

function implied(b: CanonicalItem, candidates: CanonicalItem[] | undefined): boolean {
  if (!candidates) return false;
  return candidates.some((a) => {
    if (a.linking !== b.linking && a.values.length > 1 && b.values.length > 1) return false;
    const bValues = new Set(b.values);
    const aValues = new Set(a.values);
    const orLike = (a.linking === 'or' || a.values.length === 1) && (b.linking === 'or' || b.values.length === 1);
    if (orLike && !b.negated) return a.values.every((v) => bValues.has(v));
    if (!orLike && !b.negated) return b.values.every((v) => aValues.has(v));
    return a.values.length === b.values.length && a.values.every((v) => bValues.has(v));
  });
}

function inside(a: Requirement, b: Requirement): boolean {
  if (b.raw.length > a.raw.length) return false;
  // Necessary: every field B requires, A requires too, with at least one value in common.
  for (const [field, bValues] of b.fields) {
    const aValues = a.fields.get(field);
    if (!aValues) return false;
    if (a.simple.has(field) && b.simple.has(field)) {
      for (const v of aValues) if (!bValues.has(v)) return false;
      continue;
    }
    let common = false;
    for (const v of aValues)
      if (bValues.has(v)) {
        common = true;
        break;
      }
    if (!common) return false;
  }
  const aItems = canonicalItems(a);
  for (const [key, bItems] of canonicalItems(b)) for (const item of bItems) if (!implied(item, aItems.get(key))) return false;
  return true;
}

export default defineCheck({
  meta: {
    id: 'lint/overlapping-rules',
    severity: 'info',
    presets: [],
    docs: 'No detection rule is contained in another on the same logsource (every event it matches, the other matches too): one of the two is redundant or mis-scoped.',
    messages: { inside: 'Every event this rule matches is also matched by `{other}` ({file}).' },
    kinds: ['detection'],
  },
  finalize({ rules, report }) {
    const groups = new Map<string, Requirement[]>();
    for (const rule of rules as Rule[]) {
      if (rule.kind !== 'detection') continue;
      const req = requirement(rule);
      if (!req) continue;
      const key = logsourceKey(rule);
      const group = groups.get(key);
      if (group) group.push(req);
      else groups.set(key, [req]);
    }
    for (const group of groups.values()) {
      // "A inside B" needs every field of B in A with a value in common, so B is indexed under the
      // values of one field only, its anchor (the one with the fewest values), and looked up by A's.
      // Field, then value: no key string is built per (field, value) pair.
      const index = new Map<string, Map<number, Requirement[]>>();
      for (const req of group) {
        let anchor: [string, Set<number>] | undefined;
        for (const entry of req.fields) if (!anchor || entry[1].size < anchor[1].size) anchor = entry;
        if (!anchor) continue;
        let byValue = index.get(anchor[0]);
        if (!byValue) index.set(anchor[0], (byValue = new Map()));
        for (const value of anchor[1]) {
          const list = byValue.get(value);
          if (list) list.push(req);
          else byValue.set(value, [req]);
        }
      }
      const position = new Map(group.map((req, i) => [req, i]));
      for (const a of group) {
        const candidates = new Set<Requirement>();
        for (const [field, values] of a.fields) {
          const byValue = index.get(field);
          if (byValue) for (const value of values) for (const b of byValue.get(value) ?? []) candidates.add(b);
        }
        for (const b of [...candidates].sort((x, y) => position.get(x)! - position.get(y)!)) {
          if (a === b || !inside(a, b)) continue;
          if (inside(b, a) && canonicalRule(a.rule) === canonicalRule(b.rule)) continue;
          if (inside(b, a) && position.get(b)! > position.get(a)!) continue;
          report(a.rule, 'inside', a.rule.detection.span, { other: b.rule.title?.value ?? b.rule.id?.value ?? 'another rule', file: b.rule.file.path });
        }
      }
    }
  },
});
