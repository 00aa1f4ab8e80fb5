import type { Span } from '../core/diagnostic.js';

/**
 * A YAML document as a tree of located nodes. Built once by the loader; every later stage
 * reads values and positions from it instead of re-parsing the text.
 */
export type YamlNode = YamlScalar | YamlMap | YamlSeq;

/** Scalar values after YAML 1.1 typing (as PyYAML reads them): `yes` is true, `010` is 8, dates are Dates. */
export type ScalarValue = string | number | boolean | null | Date;

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface YamlScalar {
  kind: 'scalar';
  value: ScalarValue;
  style: ScalarStyle;
  /** The scalar exactly as written in the file (quotes included). */
  source: string;
  span: Span;
}

export interface YamlMapEntry {
  key: YamlScalar;
  value: YamlNode;
}

export interface YamlMap {
  kind: 'map';
  entries: YamlMapEntry[];
  span: Span;
}

export interface YamlSeq {
  kind: 'seq';
  items: YamlNode[];
  span: Span;
}

export function mapEntry(map: YamlMap, key: string): YamlMapEntry | undefined {
  for (const entry of map.entries) if (entry.key.value === key) return entry;
  return undefined;
}

export function mapGet(map: YamlMap, key: string): YamlNode | undefined {
  return mapEntry(map, key)?.value;
}

/**
 * Plain JavaScript value of a node (maps become objects with string keys); `scalarValue` decides
 * what a scalar becomes (by default its typed value).
 */
export function toPlain(node: YamlNode, scalarValue: (scalar: YamlScalar) => unknown = (scalar) => scalar.value): unknown {
  switch (node.kind) {
    case 'scalar':
      return scalarValue(node);
    case 'seq':
      return node.items.map((item) => toPlain(item, scalarValue));
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const { key, value } of node.entries) out[String(key.value)] = toPlain(value, scalarValue);
      return out;
    }
  }
}
