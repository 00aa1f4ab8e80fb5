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

/**
 * `YYYY-MM-DD` of a date in UTC, as `date.toISOString().slice(0, 10)` gives it, without building the whole
 * ISO text (every rule has a `date`, and that call is slow). An invalid date throws as `toISOString` does.
 */
export function utcDay(date: Date): string {
  const year = date.getUTCFullYear();
  if (!(year >= 0 && year <= 9999)) return date.toISOString().slice(0, 10);
  const month = date.getUTCMonth() + 1;
  const day = date.getUTCDate();
  return `${year < 1000 ? String(year).padStart(4, '0') : year}-${month < 10 ? '0' : ''}${month}-${day < 10 ? '0' : ''}${day}`;
}

/** A scalar value as text: dates as `YYYY-MM-DD`, everything else as `String` writes it. */
export function scalarText(value: ScalarValue): string {
  return value instanceof Date ? utcDay(value) : String(value);
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
