import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closestName } from '../core/closest-name.js';
import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { YamlNode } from '../rule/yaml-node.js';
import { locatePath, pathLabel, pointerSegments } from '../rule/yaml-path.js';
import { headSpan } from './located-yaml.js';
import type { Catalog } from './model.js';

/**
 * Checks catalog data against `schemas/catalog.schema.json` (ajv) and against the rules a schema
 * cannot say (unique ids, examples that name an existing event type). Every problem is located in
 * the file the data came from.
 */

let validator: ValidateFunction | undefined;

export function catalogSchema(): object {
  return JSON.parse(readFileSync(new URL('../../schemas/catalog.schema.json', import.meta.url), 'utf8')) as object;
}

function compile(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as typeof import('ajv').default;
  return new Ajv({ allErrors: true, strict: false, verbose: true }).compile(catalogSchema());
}

/** Schema errors of `data`, without locations (for tests and callers that have no file). */
export function schemaErrors(data: unknown): ErrorObject[] {
  validator ??= compile();
  return validator(data) ? [] : [...(validator.errors ?? [])];
}

/**
 * `root` gives the located tree of the file; it is asked for only when there is something to
 * locate (building it costs far more than validating a large, valid catalog).
 */
export function validateCatalogData(data: unknown, source: SourceFile, root: YamlNode | undefined | (() => YamlNode | undefined)): Diagnostic[] {
  let tree: YamlNode | undefined;
  let built = false;
  const locate = (): YamlNode | undefined => {
    if (!built) {
      tree = typeof root === 'function' ? root() : root;
      built = true;
    }
    return tree;
  };
  const errors = schemaErrors(data);
  const diagnostics = reduceErrors(errors).map((error) => schemaDiagnostic(error, source, locate));
  if (diagnostics.length === 0) diagnostics.push(...consistencyDiagnostics(data as Catalog, source, locate));
  return diagnostics;
}

/** `anyOf`/`oneOf` report every branch; keep the most specific error per location. */
function reduceErrors(errors: ErrorObject[]): ErrorObject[] {
  const byPath = new Map<string, ErrorObject>();
  for (const error of errors) {
    const key = `${error.instancePath}|${error.keyword === 'additionalProperties' ? (error.params as { additionalProperty: string }).additionalProperty : ''}`;
    const existing = byPath.get(key);
    if (!existing || rank(error) < rank(existing)) byPath.set(key, error);
  }
  // An error on a parent is noise when a child of it has its own error.
  const paths = [...byPath.values()];
  return paths.filter((e) => e.keyword === 'additionalProperties' || !paths.some((o) => o !== e && o.instancePath.startsWith(`${e.instancePath}/`)));
}

function rank(error: ErrorObject): number {
  const order = ['additionalProperties', 'required', 'enum', 'const', 'type', 'pattern', 'minLength', 'minItems'];
  const index = order.indexOf(error.keyword);
  return index < 0 ? order.length : index;
}

function displayPath(steps: (string | number)[]): string {
  return pathLabel(steps) || 'the catalog';
}

/** The node a path names; with `keyOnly`, the key of its last step when that step is a map key. */
function nodeAtPath(root: YamlNode, steps: (string | number)[], keyOnly = false): YamlNode {
  const at = locatePath(root, steps);
  return keyOnly && at.complete && at.key ? at.key : at.node;
}

function schemaDiagnostic(error: ErrorObject, source: SourceFile, locate: () => YamlNode | undefined): Diagnostic {
  const root = locate();
  const steps = pointerSegments(error.instancePath);
  const where = displayPath(steps);
  let message: string;
  let hint: string | undefined;
  let node = root ? nodeAtPath(root, steps) : undefined;
  switch (error.keyword) {
    case 'additionalProperties': {
      const key = (error.params as { additionalProperty: string }).additionalProperty;
      const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> } | undefined)?.properties ?? {}).filter((k) => k !== '$schema');
      if (root) node = nodeAtPath(root, [...steps, key], true);
      message = `\`${key}\` is not a key of ${steps.length ? `\`${where}\`` : 'a catalog'}.`;
      const suggestion = closestName(key, allowed);
      hint = suggestion ? `Did you mean \`${suggestion}\`? Known keys: ${allowed.join(', ')}.` : undefined;
      break;
    }
    case 'required':
      message = `\`${where}\` needs \`${(error.params as { missingProperty: string }).missingProperty}\`.`;
      break;
    case 'enum':
      message = `\`${where}\` must be one of ${((error.params as { allowedValues: unknown[] }).allowedValues).map((v) => `\`${String(v)}\``).join(', ')}.`;
      break;
    case 'const':
      message = `\`${where}\` must be \`${String((error.params as { allowedValue: unknown }).allowedValue)}\`.`;
      break;
    case 'type':
      message = `\`${where}\` must be of type ${String((error.params as { type: string | string[] }).type).replace(/,/g, ' or ')}.`;
      break;
    case 'pattern':
      message = `\`${where}\` has a form that is not allowed here (${patternMeaning((error.params as { pattern: string }).pattern)}).`;
      break;
    case 'anyOf':
      message = `\`${where}\` must set at least one of \`product\`, \`category\` or \`service\`.`;
      break;
    default:
      message = `\`${where}\` ${error.message ?? 'is not valid'}.`;
  }
  const diagnostic: Diagnostic = {
    id: 'catalog/schema',
    severity: 'error',
    message,
    file: source.path,
    span: node ? headSpan(source, node) : source.span(0, 0),
  };
  if (hint) diagnostic.hint = hint;
  return diagnostic;
}

function patternMeaning(pattern: string): string {
  if (pattern.startsWith('^[A-Za-z0-9]')) return 'letters, digits, `_`, `.`, `-`, segments separated by `/`';
  if (pattern === '^[^/#\\s]+$') return 'no `/`, `#` or spaces';
  if (pattern.startsWith('^ET')) return '`ET` and four digits';
  if (pattern.startsWith('^[^\\s#]')) return 'a sample reference, optionally ending in `#n`';
  return `pattern \`${pattern}\``;
}

/** Rules beyond the schema: unique source and event type ids, examples that point at their event type. */
function consistencyDiagnostics(catalog: Catalog, source: SourceFile, locate: () => YamlNode | undefined): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const report = (steps: (string | number)[], id: string, message: string, severity: Diagnostic['severity'] = 'error') => {
    const root = locate();
    const node = root ? nodeAtPath(root, steps) : undefined;
    diagnostics.push({ id, severity, message, file: source.path, span: node ? headSpan(source, node) : source.span(0, 0) });
  };
  const sourceIds = new Set<string>();
  catalog.sources.forEach((s, si) => {
    if (sourceIds.has(s.id)) report(['sources', si, 'id'], 'catalog/duplicate-source', `Source \`${s.id}\` is defined twice in this catalog.`);
    sourceIds.add(s.id);
    const eventTypeIds = new Set<string>();
    const refs = new Set<string>();
    s.eventTypes.forEach((e, ei) => {
      if (eventTypeIds.has(e.id)) report(['sources', si, 'eventTypes', ei, 'id'], 'catalog/duplicate-event-type', `Event type \`${e.id}\` is defined twice in source \`${s.id}\`.`);
      eventTypeIds.add(e.id);
      e.examples.forEach((x, xi) => {
        const at = ['sources', si, 'eventTypes', ei, 'examples', xi];
        if (x.eventType !== e.id) report([...at, 'eventType'], 'catalog/example-event-type', `This example names event type \`${x.eventType}\` but belongs to \`${e.id}\`.`);
        if (!x.ref.startsWith(`${s.id}/${e.id}`)) {
          report([...at, 'ref'], 'catalog/example-ref', `Sample reference \`${x.ref}\` should start with \`${s.id}/${e.id}\` so rule tests can find it by source and event.`, 'warning');
        }
        if (refs.has(x.ref)) report([...at, 'ref'], 'catalog/duplicate-example-ref', `Sample reference \`${x.ref}\` is used twice; add \`#0\`, \`#1\`, … to tell them apart.`);
        refs.add(x.ref);
      });
    });
  });
  return diagnostics;
}
