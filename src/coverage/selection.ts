import type { CatalogEventType, CatalogSet, CatalogSource } from '../catalog/model.js';
import type { ConditionExpression } from '../condition/ast.js';
import { addWildcards, compileStringMatcher, hasWildcards, parseSigmaString } from '../engine/sigma-string.js';
import type { Detection, DetectionItem, DetectionValue, Search } from '../rule/model.js';

/**
 * Which event types of a source a rule can match, from its constraints on the source's
 * discriminator field (`EventID`, `action`, `eventType`). A constraint under `not` (or a `neq`
 * item) does not select anything: it only excludes, so it leaves the selection open.
 */

/** `all`: no constraint. Otherwise the event types selected; `open` when a value selects codes the catalog does not list. */
export type Selection = { all: true } | { all: false; ids: Set<string>; open: boolean };

export const SELECT_ALL: Selection = { all: true };

export function union(a: Selection, b: Selection): Selection {
  if (a.all || b.all) return SELECT_ALL;
  return { all: false, ids: new Set([...a.ids, ...b.ids]), open: a.open || b.open };
}

export function intersect(a: Selection, b: Selection): Selection {
  if (a.all) return b;
  if (b.all) return a;
  return { all: false, ids: new Set([...a.ids].filter((id) => b.ids.has(id))), open: a.open && b.open };
}

/** Modifiers that keep a value a string pattern over the discriminator (anything else leaves it unconstrained). */
const PATTERN_MODIFIERS = new Set(['contains', 'startswith', 'endswith', 'cased', 'all']);

export function discriminatorFields(source: CatalogSource): string[] {
  const d = source.discriminator;
  return d ? [d.field, ...(d.alternativeFields ?? [])] : [];
}

export function isDiscriminatorItem(source: CatalogSource, item: DetectionItem): boolean {
  const d = source.discriminator;
  if (item.field === null || !d) return false;
  // Field names are case-sensitive: `EventId` is not `EventID` (the field check says so).
  return d.field === item.field || (d.alternativeFields?.includes(item.field) ?? false);
}

/** The event types one discriminator value selects; empty when the catalog has no such code. */
export function eventTypesForValue(set: CatalogSet, source: CatalogSource, item: DetectionItem, value: DetectionValue): CatalogEventType[] | undefined {
  const raw = value.value;
  if (raw === null || raw instanceof Date || typeof raw === 'boolean') return undefined;
  const modifiers = item.modifiers.map((m) => m.name);
  if (modifiers.some((m) => !PATTERN_MODIFIERS.has(m))) return undefined;
  const text = String(raw);
  const patterned = modifiers.some((m) => m === 'contains' || m === 'startswith' || m === 'endswith');
  if (typeof raw === 'number' || !patterned) {
    const parsed = parseSigmaString(text);
    if (!hasWildcards(parsed)) {
      const found = set.eventTypesForCode(source, text);
      return modifiers.includes('cased') ? found.filter((e) => e.codes.some((c) => String(c) === text)) : found;
    }
  }
  // A pattern: every event type with a code it matches.
  const start = modifiers.includes('contains') || modifiers.includes('endswith');
  const end = modifiers.includes('contains') || modifiers.includes('startswith');
  const cased = modifiers.includes('cased');
  const matcher = compileStringMatcher(addWildcards(parseSigmaString(text), start, end), cased);
  return source.eventTypes.filter((e) => e.codes.some((c) => matcher.test(cased ? String(c) : String(c).toLowerCase())));
}

function itemSelection(set: CatalogSet, source: CatalogSource, item: DetectionItem): Selection {
  if (item.negated || !isDiscriminatorItem(source, item) || item.values.length === 0) return SELECT_ALL;
  let result: Selection | undefined;
  for (const value of item.values) {
    const types = eventTypesForValue(set, source, item, value);
    if (types === undefined) return SELECT_ALL;
    const one: Selection = { all: false, ids: new Set(types.map((t) => t.id)), open: types.length === 0 };
    result = result === undefined ? one : item.linking === 'and' ? intersect(result, one) : union(result, one);
  }
  return result ?? SELECT_ALL;
}

/** The selection of one alternative (an AND of items): the intersection of its discriminator items. */
export function alternativeSelection(set: CatalogSet, source: CatalogSource, items: DetectionItem[]): Selection {
  if (!source.discriminator || source.eventTypes.length === 0) return SELECT_ALL;
  let result: Selection = SELECT_ALL;
  for (const item of items) result = intersect(result, itemSelection(set, source, item));
  return result;
}

export function searchSelection(set: CatalogSet, source: CatalogSource, search: Search): Selection {
  if (search.alternatives.length === 0) return SELECT_ALL;
  let result: Selection | undefined;
  for (const items of search.alternatives) {
    const one = alternativeSelection(set, source, items);
    result = result === undefined ? one : union(result, one);
  }
  return result ?? SELECT_ALL;
}

/** The selection of a whole detection: the condition over its searches (a list of conditions is an OR). */
export function detectionSelection(set: CatalogSet, source: CatalogSource, detection: Detection): Selection {
  if (!source.discriminator || source.eventTypes.length === 0) return SELECT_ALL;
  const searches = new Map(detection.searches.map((s) => [s.name, s]));
  const cache = new Map<string, Selection>();
  const ofSearch = (name: string): Selection => {
    let found = cache.get(name);
    if (!found) {
      const search = searches.get(name);
      found = search ? searchSelection(set, source, search) : SELECT_ALL;
      cache.set(name, found);
    }
    return found;
  };
  const walk = (expr: ConditionExpression): Selection => {
    switch (expr.type) {
      case 'identifier':
        return ofSearch(expr.name);
      case 'not':
        return SELECT_ALL;
      case 'and':
        return expr.operands.map(walk).reduce(intersect, SELECT_ALL);
      case 'or':
        return expr.operands.map(walk).reduce<Selection | undefined>((acc, s) => (acc ? union(acc, s) : s), undefined) ?? SELECT_ALL;
      case 'selector': {
        const parts = expr.matches.map(ofSearch);
        if (parts.length === 0) return SELECT_ALL;
        return expr.quantifier === 'all' ? parts.reduce(intersect, SELECT_ALL) : parts.reduce(union);
      }
    }
  };
  const parsed = detection.conditions.filter((c) => c.expression);
  if (parsed.length === 0) return SELECT_ALL;
  return parsed.map((c) => walk(c.expression!)).reduce(union);
}

/** The event types a selection names (all of them when unconstrained). */
export function selectedEventTypes(source: CatalogSource, selection: Selection): CatalogEventType[] {
  if (selection.all) return source.eventTypes;
  return source.eventTypes.filter((e) => selection.ids.has(e.id));
}
