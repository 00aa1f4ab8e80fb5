import type { ScalarValue, YamlNode, YamlScalar } from './yaml-node.js';

/**
 * From a JSON pointer (ajv's `instancePath`) back to the located YAML node it names, and to the
 * dotted label messages show: shared by the rule schema and the catalog validator.
 */

/** The decoded segments of a JSON pointer: `/sources/0/a~1b` → `['sources', '0', 'a/b']`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer.slice(1).split('/').map(decodePointerSegment);
}

export function decodePointerSegment(segment: string): string {
  return segment.replace(/~1/g, '/').replace(/~0/g, '~');
}

/** `sources[0].id`; the empty string for the root. */
export function pathLabel(steps: readonly (string | number)[]): string {
  let out = '';
  for (const step of steps) {
    const text = String(step);
    out += /^\d+$/.test(text) ? `[${text}]` : out === '' ? text : `.${text}`;
  }
  return out;
}

export interface LocatedPath {
  /** The node the path leads to, or the deepest node found when the path goes further than the tree. */
  node: YamlNode;
  /** The key `node` is the value of, when it is a map value. */
  key?: YamlScalar;
  /** Whether every step was found. */
  complete: boolean;
}

/**
 * Follows `steps` through maps (by key, compared as `keyText` writes it: the same text the data
 * given to the validator was keyed by) and sequences (by index).
 */
export function locatePath(
  root: YamlNode,
  steps: readonly (string | number)[],
  keyText: (value: ScalarValue) => string = String,
): LocatedPath {
  let current: LocatedPath = { node: root, complete: true };
  for (const step of steps) {
    const node = current.node;
    if (node.kind === 'map') {
      const entry = node.entries.find((e) => keyText(e.key.value) === String(step));
      if (!entry) return { ...current, complete: false };
      current = { node: entry.value, key: entry.key, complete: true };
    } else if (node.kind === 'seq') {
      const item = node.items[Number(step)];
      if (!item) return { ...current, complete: false };
      current = { node: item, complete: true };
    } else {
      return { ...current, complete: false };
    }
  }
  return current;
}
