import { distance } from 'fastest-levenshtein';
import type { CatalogEventType, CatalogField, CatalogSet, CatalogSource } from '../catalog/model.js';

/**
 * Finding a rule's field name among the fields a catalog source knows: exactly, as a path into an
 * object field, or as a near miss (case, separators, a small edit distance) worth a hint.
 */

export type FieldMatch =
  | { kind: 'known'; field: CatalogField }
  /** A path into an object field, or the object above known paths: the source has it, its type is not listed. */
  | { kind: 'nested'; parent: string }
  /** Not listed; `suggestion` is the listed name it most likely means, `how` says how close it is. */
  | { kind: 'missing'; suggestion?: string; how?: 'case' | 'separators' | 'edit' };

interface SourceIndex {
  byName: Map<string, CatalogField>;
  byLower: Map<string, string>;
  bySquashed: Map<string, string>;
  /** Every proper prefix (`actor`, `actor.detail`) of a dotted field name. */
  prefixes: Set<string>;
  names: string[];
  eventFields: WeakMap<CatalogEventType, Map<string, CatalogField>>;
}

const indexes = new WeakMap<CatalogSet, WeakMap<CatalogSource, SourceIndex>>();

const squash = (name: string) => name.toLowerCase().replace(/[-_.\s]/g, '');

function indexOf(set: CatalogSet, source: CatalogSource): SourceIndex {
  let perSet = indexes.get(set);
  if (!perSet) indexes.set(set, (perSet = new WeakMap()));
  let index = perSet.get(source);
  if (index) return index;
  const byName = new Map<string, CatalogField>();
  for (const field of set.fieldsOf(source)) if (!byName.has(field.name)) byName.set(field.name, field);
  for (const constant of source.constants) {
    for (const alias of constant.aliases ?? []) if (!byName.has(alias)) byName.set(alias, byName.get(constant.name)!);
  }
  const byLower = new Map<string, string>();
  const bySquashed = new Map<string, string>();
  const prefixes = new Set<string>();
  for (const name of byName.keys()) {
    if (!byLower.has(name.toLowerCase())) byLower.set(name.toLowerCase(), name);
    if (!bySquashed.has(squash(name))) bySquashed.set(squash(name), name);
    const parts = name.split('.');
    for (let i = 1; i < parts.length; i++) prefixes.add(parts.slice(0, i).join('.'));
  }
  index = { byName, byLower, bySquashed, prefixes, names: [...byName.keys()], eventFields: new WeakMap() };
  perSet.set(source, index);
  return index;
}

export function lookupField(set: CatalogSet, source: CatalogSource, name: string): FieldMatch {
  const index = indexOf(set, source);
  const field = index.byName.get(name);
  if (field) return { kind: 'known', field };
  if (index.prefixes.has(name)) return { kind: 'nested', parent: name };
  const parts = name.includes('.') ? name.split('.') : [];
  for (let i = parts.length - 1; i > 0; i--) {
    const parent = parts.slice(0, i).join('.');
    const parentField = index.byName.get(parent);
    if (parentField && (parentField.type === 'object' || parentField.type === 'array')) return { kind: 'nested', parent };
  }
  const sameCase = index.byLower.get(name.toLowerCase());
  if (sameCase) return { kind: 'missing', suggestion: sameCase, how: 'case' };
  const sameLetters = index.bySquashed.get(squash(name));
  if (sameLetters) return { kind: 'missing', suggestion: sameLetters, how: 'separators' };
  const limit = name.length >= 10 ? 2 : name.length >= 5 ? 1 : 0;
  if (limit > 0) {
    let best: string | undefined;
    let bestDistance = limit + 1;
    const lower = name.toLowerCase();
    for (const candidate of index.names) {
      if (Math.abs(candidate.length - name.length) > limit) continue;
      const d = distance(lower, candidate.toLowerCase());
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    if (best) return { kind: 'missing', suggestion: best, how: 'edit' };
  }
  return { kind: 'missing' };
}

/** The fields of one event type by name (constants, common fields and its own). */
export function eventFieldMap(set: CatalogSet, source: CatalogSource, eventType: CatalogEventType): Map<string, CatalogField> {
  const index = indexOf(set, source);
  let map = index.eventFields.get(eventType);
  if (!map) {
    map = new Map(set.fieldsOf(source, eventType).map((f) => [f.name, f]));
    for (const constant of source.constants) for (const alias of constant.aliases ?? []) if (map.has(constant.name)) map.set(alias, map.get(constant.name)!);
    index.eventFields.set(eventType, map);
  }
  return map;
}
