import type { FieldType } from './model.js';

/**
 * Field paths as Sigma rules write them for nested events: dotted, with arrays transparent (a
 * path through an array reaches into each element), as the engine resolves them.
 */

/** EMM writes element selectors (`ModifiedProperties[Name=X].NewValue`); a rule addresses `ModifiedProperties.NewValue`. */
export function fieldPathOfAttribute(attributePath: string): string {
  return attributePath.replace(/\[[^\]]*\]/g, '');
}

export function typeOfValue(value: unknown): FieldType {
  if (value === null || value === undefined) return 'unknown';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'string':
      return 'string';
    case 'number':
      return Number.isInteger(value) ? 'integer' : 'number';
    case 'boolean':
      return 'boolean';
    case 'object':
      return 'object';
    default:
      return 'unknown';
  }
}

function mergeTypes(a: FieldType | undefined, b: FieldType): FieldType {
  if (a === undefined || a === 'unknown') return b;
  if (b === 'unknown' || a === b) return a;
  if ((a === 'integer' && b === 'number') || (a === 'number' && b === 'integer')) return 'number';
  return 'unknown';
}

/** Adds every path of `value` (objects and their leaves; arrays transparent) with its type to `out`. */
export function collectFieldPaths(value: unknown, out: Map<string, FieldType>, prefix = ''): void {
  if (Array.isArray(value)) {
    for (const item of value) if (item && typeof item === 'object') collectFieldPaths(item, out, prefix);
    return;
  }
  if (!value || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
    const name = prefix ? `${prefix}.${key}` : key;
    out.set(name, mergeTypes(out.get(name), typeOfValue(child)));
    if (child && typeof child === 'object') collectFieldPaths(child, out, name);
  }
}

/** The value at a dotted path (exact key first, then nested; arrays transparent, giving a list). */
export function valueAtPath(value: unknown, fieldPath: string): unknown {
  if (value === null || typeof value !== 'object') return undefined;
  if (Array.isArray(value)) {
    const values = value.map((v) => valueAtPath(v, fieldPath)).filter((v) => v !== undefined);
    return values.length ? values.flat() : undefined;
  }
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, fieldPath)) return record[fieldPath];
  const dot = fieldPath.indexOf('.');
  if (dot < 0) return undefined;
  for (let i = dot; i >= 0; i = fieldPath.indexOf('.', i + 1)) {
    const head = fieldPath.slice(0, i);
    if (Object.hasOwn(record, head)) {
      const found = valueAtPath(record[head], fieldPath.slice(i + 1));
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
