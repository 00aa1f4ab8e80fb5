import type { ErrorObject } from 'ajv';
import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { RuleKind } from './model.js';
import * as validators from './schema-validators.generated.js';
import { utcDay, type ScalarValue, type YamlMap, type YamlNode } from './yaml-node.js';
import { decodePointerSegment, locatePath, pathLabel, pointerSegments, type LocatedPath } from './yaml-path.js';

/**
 * Sigma JSON Schema validation (schemas/sigma-*-rule.schema.json, written for specification v2.1).
 * The schemas are compiled ahead of time into standalone ajv code (npm run schemas); each ajv
 * error becomes a located diagnostic with a sentence a person would write, placed on the key or
 * value it is about.
 */

type Validate = ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };

const VALIDATORS: Record<RuleKind, Validate> = validators as unknown as Record<RuleKind, Validate>;

export function validateRuleSchema(root: YamlMap, kind: RuleKind, source: SourceFile): Diagnostic[] {
  const validate = VALIDATORS[kind];
  if (validate(schemaData(root, kind))) return [];
  return schemaDiagnostics(validate.errors ?? [], root, kind, source);
}

/**
 * The body whose searches the schemas check only for their type (`additionalProperties` with a `type`), and
 * the keys of that body they check in full. Below a search, nothing is validated (and errors there would be
 * left to the rule builder anyway, see `coveredByBuilder`), so each search is passed as an empty stand-in of
 * its type instead of a copy: a rule's detection holds most of its nodes.
 */
const SEARCH_BODY: Partial<Record<RuleKind, string>> = { detection: 'detection', filter: 'filter' };
const CHECKED_IN_BODY = new Set(['condition', 'rules']);

function schemaData(root: YamlMap, kind: RuleKind): unknown {
  const body = SEARCH_BODY[kind];
  return mapData(root, (name, value) => (name === body && value.kind === 'map' ? mapData(value, searchData) : toSchemaData(value)));
}

function searchData(name: string, node: YamlNode): unknown {
  if (CHECKED_IN_BODY.has(name)) return toSchemaData(node);
  return node.kind === 'map' ? {} : node.kind === 'seq' ? [] : toSchemaData(node);
}

function mapData(node: YamlMap, valueData: (name: string, value: YamlNode) => unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const { key, value } of node.entries) {
    const name = keyText(key.value);
    if (name === '__proto__') Object.defineProperty(out, name, { value: valueData(name, value), enumerable: true, writable: true, configurable: true });
    else out[name] = valueData(name, value);
  }
  return out;
}

const entryData = (_name: string, value: YamlNode): unknown => toSchemaData(value);

/** Plain data for ajv: dates as YYYY-MM-DD text (pySigma accepts an unquoted YAML date), keys as text. */
function toSchemaData(node: YamlNode): unknown {
  switch (node.kind) {
    case 'scalar':
      return node.value instanceof Date ? dateText(node.value) : node.value;
    case 'seq':
      return node.items.map(toSchemaData);
    case 'map':
      return mapData(node, entryData);
  }
}

const DAY_MS = 86_400_000;

/** A date at midnight UTC as `YYYY-MM-DD`, any other time as the whole ISO text. */
function dateText(date: Date): string {
  const time = date.getTime();
  return time % DAY_MS === 0 ? utcDay(date) : date.toISOString();
}

function keyText(value: ScalarValue): string {
  if (typeof value === 'string') return value;
  return value instanceof Date ? dateText(value) : String(value);
}

/** Errors the rule builder already reports with its own, more specific diagnostics. */
function coveredByBuilder(error: ErrorObject, kind: RuleKind): boolean {
  const path = error.instancePath;
  if (kind !== 'correlation' && path === '' && error.keyword === 'required' && error.params.missingProperty === 'detection') return true;
  const body = kind === 'filter' ? '/filter' : '/detection';
  if (kind === 'correlation') return false;
  if (path === body && error.keyword === 'required' && error.params.missingProperty === 'condition') return true;
  if (path === body && error.keyword === 'type' && kind === 'detection') return true;
  if (path === `${body}/condition` && (error.data === null || error.data === '' || (Array.isArray(error.data) && error.data.length === 0))) return true;
  if (path.startsWith(`${body}/`)) {
    const child = decodePointerSegment(path.slice(body.length + 1).split('/')[0]);
    return child !== 'condition' && child !== 'rules';
  }
  return false;
}

function schemaDiagnostics(errors: ErrorObject[], root: YamlMap, kind: RuleKind, source: SourceFile): Diagnostic[] {
  const alternatives = errors.filter((e) => e.keyword === 'anyOf' || e.keyword === 'oneOf').map((e) => `${e.schemaPath}/`);
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    if (error.keyword === 'if') continue;
    if (alternatives.some((prefix) => error.schemaPath.startsWith(prefix))) continue;
    if (coveredByBuilder(error, kind)) continue;
    const d = toDiagnostic(error, root, kind, source);
    const tag = `${d.span.offset}:${d.message}`;
    if (seen.has(tag)) continue;
    seen.add(tag);
    out.push(d);
  }
  return out;
}

type Located = LocatedPath;

function locate(root: YamlMap, pointer: string): Located {
  return locatePath(root, pointerSegments(pointer), keyText);
}

function label(pointer: string): string {
  return pointer === '' ? 'the rule' : pathLabel(pointerSegments(pointer));
}

function valueSpan(at: Located): Span {
  const { node, key } = at;
  if (key && node.kind === 'scalar' && node.source === '') return key.span;
  return node.span;
}

function shown(node: YamlNode): string {
  if (node.kind !== 'scalar') return node.kind === 'map' ? 'a mapping' : 'a list';
  const text = node.source.length > 60 ? `${node.source.slice(0, 57)}…` : node.source;
  return text;
}

function foundKind(node: YamlNode): string {
  if (node.kind === 'map') return 'a mapping';
  if (node.kind === 'seq') return 'a list';
  const value = node.value;
  if (value === null) return 'nothing';
  if (typeof value === 'number') return `the number \`${node.source}\``;
  if (typeof value === 'boolean') return `\`${node.source}\`, which YAML reads as a boolean`;
  if (value instanceof Date) return `the date \`${node.source}\``;
  return `the text \`${shown(node)}\``;
}

const TYPE_NAMES: Record<string, string> = {
  object: 'a mapping',
  array: 'a list',
  string: 'text',
  number: 'a number',
  integer: 'a whole number',
  boolean: '`true` or `false`',
  null: 'empty',
};

function typeList(types: string | string[]): string {
  const list = (Array.isArray(types) ? types : String(types).split(',')).map((t) => TYPE_NAMES[t] ?? t);
  return list.length <= 1 ? list.join('') : `${list.slice(0, -1).join(', ')} or ${list[list.length - 1]}`;
}

function fill(template: string, pointer: string, at: Located): string {
  const segments = pointer.split('/');
  return template
    .replace(/\{path\}/g, label(pointer))
    .replace(/\{key\}/g, decodePointerSegment(segments[segments.length - 1] ?? ''))
    .replace(/\{found\}/g, shown(at.node))
    .replace(/\{foundKind\}/g, foundKind(at.node));
}

function customMessage(error: ErrorObject): string | undefined {
  const schema = error.parentSchema as Record<string, unknown> | undefined;
  const template = schema?.['x-message'];
  if (typeof template !== 'string') return undefined;
  if (error.keyword === 'type' && schema?.type === 'object') return undefined;
  if (error.keyword === 'required' && schema?.properties) return undefined;
  if (error.keyword === 'additionalProperties') return undefined;
  return template;
}

function toDiagnostic(error: ErrorObject, root: YamlMap, kind: RuleKind, source: SourceFile): Diagnostic {
  const pointer = error.instancePath;
  const at = locate(root, pointer);
  const name = label(pointer);
  let span = valueSpan(at);
  let id = `schema/${error.keyword.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;
  let message: string;
  let hint: string | undefined;
  const custom = customMessage(error);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      id = 'schema/missing-key';
      message = custom ? fill(custom, pointer, at) : pointer === '' ? `A ${kind} rule needs \`${missing}\`.` : `\`${name}\` needs \`${missing}\`.`;
      span = pointer === '' ? (root.entries[0]?.key.span ?? root.span) : (at.key?.span ?? at.node.span);
      break;
    }
    case 'enum':
    case 'const': {
      const allowed = (error.keyword === 'enum' ? (params.allowedValues as unknown[]) : [params.allowedValue]).map(String);
      id = 'schema/not-allowed-value';
      message = `\`${name}\` must be one of ${allowed.join(', ')}; found \`${shown(at.node)}\`.`;
      const lower = at.node.kind === 'scalar' && typeof at.node.value === 'string' ? at.node.value.toLowerCase() : undefined;
      if (lower && allowed.includes(lower)) hint = `Write it in lowercase: \`${lower}\`.`;
      break;
    }
    case 'type':
      id = 'schema/wrong-type';
      message = custom ? fill(custom, pointer, at) : `\`${name}\` must be ${typeList(params.type as string | string[])}; found ${foundKind(at.node)}.`;
      if (at.node.kind === 'scalar' && at.node.style === 'plain' && params.type === 'string' && at.node.value !== null) {
        hint = `Quote it (\`'${at.node.source}'\`) to keep it text.`;
      }
      break;
    case 'maxLength':
      id = 'schema/too-long';
      message = `\`${name}\` must be at most ${params.limit} characters; it has ${at.node.kind === 'scalar' ? String(at.node.value).length : '?'}.`;
      break;
    case 'minLength':
      id = 'schema/too-short';
      message = params.limit === 1 ? `\`${name}\` must not be empty.` : `\`${name}\` must be at least ${params.limit} characters; found \`${shown(at.node)}\`.`;
      break;
    case 'uniqueItems': {
      id = 'schema/duplicate-item';
      const later = Math.max(Number(params.i), Number(params.j));
      const item = at.node.kind === 'seq' ? at.node.items[later] : undefined;
      message = `\`${name}\` lists \`${item ? shown(item) : '?'}\` twice.`;
      if (item) span = item.span;
      hint = 'Remove the repeated entry.';
      break;
    }
    case 'minItems':
      id = 'schema/too-few-items';
      message = `\`${name}\` must list at least ${params.limit} ${params.limit === 1 ? 'entry' : 'entries'}.`;
      break;
    case 'minProperties':
      id = 'schema/empty-mapping';
      message = `\`${name}\` must not be empty.`;
      break;
    case 'additionalProperties': {
      const extra = String(params.additionalProperty);
      id = 'schema/unknown-key';
      const entry = at.node.kind === 'map' ? at.node.entries.find((e) => keyText(e.key.value) === extra) : undefined;
      if (entry) span = entry.key.span;
      message = `\`${name}\` does not take the key \`${extra}\`.`;
      break;
    }
    case 'minimum':
    case 'maximum':
      id = 'schema/out-of-range';
      message = `\`${name}\` must be ${params.comparison} ${params.limit}; found \`${shown(at.node)}\`.`;
      break;
    case 'format':
      id = 'schema/bad-format';
      message = custom ? fill(custom, pointer, at) : `\`${name}\` must be a valid ${params.format}; found \`${shown(at.node)}\`.`;
      break;
    case 'pattern':
      id = 'schema/bad-format';
      message = custom ? fill(custom, pointer, at) : `\`${name}\` must match \`${params.pattern}\`; found \`${shown(at.node)}\`.`;
      break;
    case 'anyOf':
    case 'oneOf':
      id = 'schema/wrong-shape';
      message = custom ? fill(custom, pointer, at) : `\`${name}\` does not have an accepted form; found ${foundKind(at.node)}.`;
      if (custom && /needs/.test(custom)) span = at.key?.span ?? span;
      break;
    default:
      message = `\`${name}\` ${error.message ?? 'is not valid'}.`;
  }
  const d: Diagnostic = { id, severity: 'error', message, file: source.path, span };
  if (hint) d.hint = hint;
  return d;
}
