import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Diagnostic } from '../core/diagnostic.js';
import { FILE_START } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { YamlMap, YamlNode, YamlScalar } from '../rule/yaml-node.js';
import { mapGet, toPlain } from '../rule/yaml-node.js';
import { EMM_SIGMA_ALIASES } from './emm-aliases.js';
import { relativePath } from '../core/paths.js';
import { asMap, headSpan, readLocatedYaml } from './located-yaml.js';
import type {
  Catalog,
  CatalogEventType,
  CatalogExample,
  CatalogField,
  CatalogSource,
  EmmAttribute,
  FieldType,
  LoadedCatalog,
} from './model.js';
import { CATALOG_FORMAT_VERSION } from './model.js';
import { collectFieldPaths, fieldPathOfAttribute, valueAtPath } from './field-paths.js';

/**
 * Reads a checkout of the Event Maturity Matrix repository (`attributes.yml`, `categories.yml`,
 * `event_types.yml`, `products/<product>/event_sources/*.yml` and their example files) into the
 * catalog model. Attribute paths are merged as EMM defines it: source defaults, then the defaults
 * of the mapping's category, then the mapping's own attributes, where a YAML null drops an
 * inherited attribute. Problems (unreadable YAML, unknown keys, missing example files) become
 * located diagnostics and the rest still loads.
 */

export interface EmmAttributeDefinition {
  key: string;
  id: string;
  name: string;
  description?: string;
  /** Event type keys the attribute applies to; absent: every event type. */
  include?: string[];
}

export interface EmmEventTypeDefinition {
  key: string;
  id: string;
  name: string;
  description?: string;
  categories: string[];
}

export interface EmmExampleDeclaration {
  /** Example type as written (`success`, `failure`, `success - email`). */
  type: string;
  location: string;
  /** Repository-relative path of the example file, forward slashes. */
  repoPath: string;
  /** The parsed event, when the file exists and holds JSON. */
  event?: unknown;
}

export interface EmmMappingDefinition {
  category: string;
  eventType: string;
  /** Merged attribute paths; `null` when the attribute is explicitly dropped. */
  attributes: Map<string, string[]>;
  examples: EmmExampleDeclaration[];
}

export interface EmmSourceDefinition {
  id: string;
  productDir: string;
  basename: string;
  productName: string;
  name: string;
  description?: string;
  /** Repository-relative path of the event source file. */
  file: string;
  sourceDefaults: Map<string, string[]>;
  mappings: EmmMappingDefinition[];
}

export interface EmmRepositoryDefinitions {
  attributes: EmmAttributeDefinition[];
  eventTypes: EmmEventTypeDefinition[];
  categories: string[];
  sources: EmmSourceDefinition[];
  /** `owner/name commit` from a SOURCE file, when the checkout has one. */
  revision?: string;
  diagnostics: Diagnostic[];
}

export interface EmmReadOptions {
  /** Paths in diagnostics are relative to this directory (default: the process working directory). */
  cwd?: string;
  /** Read the example event files (default true). */
  readExamples?: boolean;
}

export function readEmmRepository(dir: string, options: EmmReadOptions = {}): LoadedCatalog {
  const absDir = path.resolve(dir);
  const definitions = readEmmDefinitions(absDir, options);
  const catalog = buildEmmCatalog(definitions);
  return { catalog, origin: { kind: 'emm-repository', path: relativePath(absDir, options.cwd ?? process.cwd()) }, diagnostics: definitions.diagnostics };
}

export function readEmmDefinitions(absDir: string, options: EmmReadOptions = {}): EmmRepositoryDefinitions {
  const cwd = options.cwd ?? process.cwd();
  const readExamples = options.readExamples ?? true;
  const diagnostics: Diagnostic[] = [];

  const attributes = readItems(path.join(absDir, 'attributes.yml'), cwd, diagnostics, (item) => {
    const key = stringAt(item, 'key');
    if (!key) return undefined;
    const include = mapGet(item, 'include');
    const result: EmmAttributeDefinition = { key, id: stringAt(item, 'id') ?? '', name: stringAt(item, 'name') ?? key };
    const description = stringAt(item, 'description');
    if (description) result.description = description.trim();
    if (include?.kind === 'seq') result.include = include.items.map((n) => String(toPlain(n)));
    return result;
  });
  const eventTypes = readItems(path.join(absDir, 'event_types.yml'), cwd, diagnostics, (item) => {
    const key = stringAt(item, 'key');
    if (!key) return undefined;
    const categories = mapGet(item, 'categories');
    const result: EmmEventTypeDefinition = {
      key,
      id: stringAt(item, 'id') ?? '',
      name: stringAt(item, 'name') ?? key,
      categories: categories?.kind === 'seq' ? categories.items.map((n) => String(toPlain(n))) : [],
    };
    const description = stringAt(item, 'description');
    if (description) result.description = description.trim();
    return result;
  });
  const categories = readItems(path.join(absDir, 'categories.yml'), cwd, diagnostics, (item) => stringAt(item, 'key'));

  const context: SourceContext = {
    // Without an attribute list every key would look unknown; the missing file is reported already.
    attributeKeys: attributes.length ? new Set(attributes.map((a) => a.key)) : undefined,
    eventTypeKeys: new Set(eventTypes.map((e) => e.key)),
    categoryKeys: new Set(categories),
    cwd,
    readExamples,
    diagnostics,
  };
  const sources: EmmSourceDefinition[] = [];
  const productsDir = path.join(absDir, 'products');
  for (const productDir of listDir(productsDir, true)) {
    const productPath = path.join(productsDir, productDir);
    const productName = readProductName(productPath, productDir, cwd, diagnostics);
    const sourcesDir = path.join(productPath, 'event_sources');
    for (const file of listDir(sourcesDir, false).filter((f) => /\.ya?ml$/.test(f))) {
      const source = readEventSource(path.join(sourcesDir, file), productDir, productName, absDir, context);
      if (source) sources.push(source);
    }
  }
  sources.sort((a, b) => compareText(a.id, b.id));
  const result: EmmRepositoryDefinitions = { attributes, eventTypes, categories, sources, diagnostics };
  const revision = readRevision(absDir);
  if (revision) result.revision = revision;
  return result;
}

interface SourceContext {
  attributeKeys: Set<string> | undefined;
  eventTypeKeys: Set<string>;
  categoryKeys: Set<string>;
  cwd: string;
  readExamples: boolean;
  diagnostics: Diagnostic[];
}

function readEventSource(
  absPath: string,
  productDir: string,
  productName: string,
  repoDir: string,
  context: SourceContext,
): EmmSourceDefinition | undefined {
  const located = readLocatedYaml(absPath, context.cwd, 'emm');
  context.diagnostics.push(...located.diagnostics);
  const root = asMap(located.root);
  if (!root) {
    if (located.root) context.diagnostics.push(at(located.source, located.root, 'emm/invalid-event-source', 'An EMM event source file must be a YAML mapping.'));
    return undefined;
  }
  const basename = path.basename(absPath).replace(/(\.event_source)?\.ya?ml$/, '');
  const source = located.source;
  const report = (node: YamlNode, id: string, message: string, hint?: string) => context.diagnostics.push(at(source, node, id, message, hint));

  const defaultsNode = asMap(mapGet(root, 'mapping_defaults'));
  const sourceDefaults = readAttributeMap(asMap(mapGet(asMap(mapGet(defaultsNode ?? emptyMap(root), 'source')) ?? emptyMap(root), 'attributes')), source, context, false);
  const categoryDefaults = new Map<string, Map<string, string[] | null>>();
  const categoriesNode = asMap(mapGet(defaultsNode ?? emptyMap(root), 'categories'));
  for (const entry of categoriesNode?.entries ?? []) {
    const category = String(entry.key.value);
    if (!context.categoryKeys.has(category)) report(entry.key, 'emm/unknown-category', `\`${category}\` is not a category of \`categories.yml\`.`);
    categoryDefaults.set(category, readAttributeMap(asMap(mapGet(asMap(entry.value) ?? emptyMap(root), 'attributes')), source, context, false));
  }

  const mappings: EmmMappingDefinition[] = [];
  const mappingsNode = mapGet(root, 'mappings');
  if (mappingsNode && mappingsNode.kind !== 'seq') report(mappingsNode, 'emm/invalid-mappings', '`mappings` must be a list.');
  for (const item of mappingsNode?.kind === 'seq' ? mappingsNode.items : []) {
    const mapping = asMap(item);
    if (!mapping) {
      report(item, 'emm/invalid-mapping', 'A mapping must be a mapping with `category`, `event_type` and `attributes`.');
      continue;
    }
    const category = stringAt(mapping, 'category') ?? '';
    const eventType = stringAt(mapping, 'event_type') ?? '';
    const eventTypeNode = mapGet(mapping, 'event_type') ?? mapping;
    if (!eventType) {
      report(mapping, 'emm/invalid-mapping', 'This mapping has no `event_type`.');
      continue;
    }
    if (!context.eventTypeKeys.has(eventType)) {
      report(eventTypeNode, 'emm/unknown-event-type', `\`${eventType}\` is not an event type of \`event_types.yml\`.`);
    }
    if (category && !context.categoryKeys.has(category)) {
      report(mapGet(mapping, 'category')!, 'emm/unknown-category', `\`${category}\` is not a category of \`categories.yml\`.`);
    }
    const own = readAttributeMap(asMap(mapGet(mapping, 'attributes')), source, context, true);
    const merged = new Map<string, string[] | null>([...sourceDefaults, ...(categoryDefaults.get(category) ?? new Map()), ...own]);
    const attributes = new Map<string, string[]>();
    for (const [key, paths] of merged) if (paths && paths.length > 0) attributes.set(key, paths);
    const examples = readExampleDeclarations(mapGet(mapping, 'examples'), source, absPath, productDir, repoDir, context);
    mappings.push({ category, eventType, attributes, examples });
  }

  const definition: EmmSourceDefinition = {
    id: `emm/${productDir}/${basename}`,
    productDir,
    basename,
    productName: stringAt(asMap(mapGet(root, 'product')) ?? emptyMap(root), 'name') ?? productName,
    name: stringAt(root, 'name') ?? basename,
    file: relativePath(absPath, repoDir),
    sourceDefaults: new Map([...sourceDefaults].filter((e): e is [string, string[]] => e[1] !== null && e[1].length > 0)),
    mappings,
  };
  const description = stringAt(root, 'description');
  if (description) definition.description = description.trim();
  return definition;
}

/** An attribute map: key → path or list of paths; YAML null (only in a mapping's own delta) drops the key. */
function readAttributeMap(
  node: YamlMap | undefined,
  source: SourceFile,
  context: SourceContext,
  allowNull: boolean,
): Map<string, string[] | null> {
  const result = new Map<string, string[] | null>();
  for (const { key, value } of node?.entries ?? []) {
    const name = String(key.value);
    if (context.attributeKeys && !context.attributeKeys.has(name)) {
      context.diagnostics.push(
        at(source, key, 'emm/unknown-attribute', `\`${name}\` is not an attribute key of \`attributes.yml\`.`, 'The attribute is ignored; check its spelling against `attributes.yml`.', 'warning'),
      );
      continue;
    }
    if (value.kind === 'scalar' && value.value === null) {
      if (!allowNull) context.diagnostics.push(at(source, key, 'emm/empty-default', `The default for \`${name}\` has no path.`, undefined, 'warning'));
      result.set(name, null);
    } else if (value.kind === 'scalar') {
      result.set(name, [String(value.value)]);
    } else if (value.kind === 'seq') {
      result.set(name, value.items.map((item) => String(toPlain(item))));
    } else {
      context.diagnostics.push(at(source, value, 'emm/invalid-attribute-path', `The path of \`${name}\` must be a string or a list of strings.`));
    }
  }
  return result;
}

function readExampleDeclarations(
  node: YamlNode | undefined,
  source: SourceFile,
  sourcePath: string,
  productDir: string,
  repoDir: string,
  context: SourceContext,
): EmmExampleDeclaration[] {
  const result: EmmExampleDeclaration[] = [];
  if (!node || node.kind !== 'seq') return result;
  for (const item of node.items) {
    const map = asMap(item);
    const locationNode = map ? mapGet(map, 'location') : undefined;
    if (!map || !locationNode || locationNode.kind !== 'scalar' || typeof locationNode.value !== 'string') {
      context.diagnostics.push(at(source, item, 'emm/invalid-example', 'An example needs a `type` and a `location`.'));
      continue;
    }
    const location = locationNode.value;
    // Locations are written relative to the product folder (`./event_examples/...`); accept ones relative to the source file too.
    const productPath = path.join(repoDir, 'products', productDir);
    const candidates = [path.resolve(productPath, location), path.resolve(path.dirname(sourcePath), location)];
    const found = candidates.find((c) => existsSync(c));
    const declaration: EmmExampleDeclaration = {
      type: stringAt(map, 'type') ?? 'example',
      location,
      repoPath: relativePath(found ?? candidates[0], repoDir),
    };
    if (!found) {
      context.diagnostics.push(
        at(source, locationNode, 'emm/missing-example', `The example file \`${location}\` does not exist.`, 'The example is skipped; the rest of the event source still loads.', 'warning'),
      );
    } else if (context.readExamples) {
      try {
        declaration.event = JSON.parse(readFileSync(found, 'utf8'));
      } catch (error) {
        context.diagnostics.push(
          at(source, locationNode, 'emm/malformed-example', `The example file \`${location}\` is not valid JSON: ${(error as Error).message}.`, undefined, 'warning'),
        );
      }
    }
    result.push(declaration);
  }
  return result;
}

export function buildEmmCatalog(definitions: EmmRepositoryDefinitions): Catalog {
  const eventTypeByKey = new Map(definitions.eventTypes.map((e) => [e.key, e]));
  const eventTypeOrder = new Map(definitions.eventTypes.map((e, i) => [e.key, i]));
  const sources: CatalogSource[] = definitions.sources.map((def) => buildSource(def, definitions.attributes, eventTypeByKey, eventTypeOrder));
  const catalog: Catalog = {
    formatVersion: CATALOG_FORMAT_VERSION,
    id: 'emm',
    title: 'SaaS Event Maturity Matrix',
    description: 'SaaS audit log sources: event types, which attributes each source logs for them and where, and example events.',
    sources,
  };
  if (definitions.revision) catalog.basedOn = `Event Maturity Matrix repository ${definitions.revision}`;
  return catalog;
}

function buildSource(
  def: EmmSourceDefinition,
  attributeDefs: EmmAttributeDefinition[],
  eventTypeByKey: Map<string, EmmEventTypeDefinition>,
  eventTypeOrder: Map<string, number>,
): CatalogSource {
  const discriminatorPaths = def.sourceDefaults.get('event_code_or_type') ?? mostCommonPaths(def.mappings, 'event_code_or_type');
  const mappings = [...def.mappings].sort((a, b) => (eventTypeOrder.get(a.eventType) ?? 1e9) - (eventTypeOrder.get(b.eventType) ?? 1e9));
  const refCounts = new Map<string, number>();
  const pending: { base: string; example: CatalogExample }[] = [];
  const eventTypes: CatalogEventType[] = mappings.map((mapping) => {
    const known = eventTypeByKey.get(mapping.eventType);
    const attributes: EmmAttribute[] = attributeDefs
      .filter((a) => !a.include || a.include.includes(mapping.eventType))
      .map((a) => {
        const paths = mapping.attributes.get(a.key) ?? [];
        const attribute: EmmAttribute = { key: a.key, name: a.name, supported: paths.length > 0, paths };
        if (a.id) attribute.id = a.id;
        return attribute;
      });
    const examples: CatalogExample[] = [];
    for (const declaration of mapping.examples) {
      if (declaration.event === undefined) continue;
      const base = `${def.id}/${mapping.eventType}/${outcomeSlug(declaration.type)}`;
      refCounts.set(base, (refCounts.get(base) ?? 0) + 1);
      const example: CatalogExample = {
        ref: base,
        eventType: mapping.eventType,
        outcome: declaration.type,
        shape: 'flat',
        event: declaration.event,
        origin: declaration.repoPath,
      };
      pending.push({ base, example });
      examples.push(example);
    }
    const eventType: CatalogEventType = {
      id: mapping.eventType,
      codes: [],
      name: known?.name ?? mapping.eventType,
      categories: known?.categories.length ? known.categories : mapping.category ? [mapping.category] : [],
      fields: [],
      attributes,
      examples,
      completeness: 'partial',
    };
    if (known?.description) eventType.description = known.description;
    if (known?.id) eventType.emmId = known.id;
    return eventType;
  });
  assignExampleRefs(pending.map((p) => p.example));
  for (const eventType of eventTypes) finishEventType(eventType, discriminatorPaths);

  const source: CatalogSource = {
    id: def.id,
    title: `${def.productName} ${def.name}`,
    product: def.productName,
    logsources: [{ product: def.productDir, service: def.basename, kind: 'primary' }, ...(EMM_SIGMA_ALIASES[def.id] ?? [])],
    constants: [],
    commonFields: [],
    completeness: 'partial',
    completenessNote: 'EMM maps attributes to paths and gives example events; real events may carry more fields.',
    eventTypes,
  };
  if (def.description) source.description = def.description;
  if (discriminatorPaths.length > 0) {
    const [field, ...alternativeFields] = discriminatorPaths.map(fieldPathOfAttribute);
    source.discriminator = { field, type: discriminatorType(eventTypes, field), completeness: 'partial' };
    if (alternativeFields.length) source.discriminator.alternativeFields = alternativeFields;
  }
  source.notes = [`Defined in \`${def.file}\` of the EMM repository.`];
  return source;
}

/** Gives every example its final reference: the base alone when unique, `base#n` when shared. */
export function assignExampleRefs(examples: CatalogExample[]): void {
  const byBase = new Map<string, CatalogExample[]>();
  for (const example of examples) {
    const base = example.ref.replace(/#\d+$/, '');
    const list = byBase.get(base) ?? [];
    list.push(example);
    byBase.set(base, list);
  }
  for (const [base, list] of byBase) list.forEach((example, index) => (example.ref = list.length > 1 ? `${base}#${index}` : base));
}

/** Recomputes an EMM event type's fields and codes from its attribute paths and examples. */
export function finishEventType(eventType: CatalogEventType, discriminatorPaths: string[]): void {
  const exampleTypes = new Map<string, FieldType>();
  for (const example of eventType.examples) collectFieldPaths(example.event, exampleTypes);
  const fields: CatalogField[] = [];
  const seen = new Set<string>();
  for (const attribute of eventType.attributes ?? []) {
    for (const attributePath of attribute.paths) {
      const name = fieldPathOfAttribute(attributePath);
      if (seen.has(name)) continue;
      seen.add(name);
      fields.push({ name, type: exampleTypes.get(name) ?? 'unknown', origin: 'attribute-path', description: `Carries the EMM attribute ${attribute.name}.` });
    }
  }
  for (const name of [...exampleTypes.keys()].sort(compareText)) {
    if (seen.has(name)) continue;
    seen.add(name);
    fields.push({ name, type: exampleTypes.get(name)!, origin: 'example' });
  }
  eventType.fields = fields;
  const codes: (string | number)[] = [];
  for (const example of eventType.examples) {
    for (const p of discriminatorPaths) {
      const value = valueAtPath(example.event, fieldPathOfAttribute(p));
      for (const v of Array.isArray(value) ? value : [value]) {
        if ((typeof v === 'string' || typeof v === 'number') && !codes.includes(v)) codes.push(v);
      }
    }
  }
  eventType.codes = codes;
}

function discriminatorType(eventTypes: CatalogEventType[], field: string): FieldType {
  for (const eventType of eventTypes) {
    const type = eventType.fields.find((f) => f.name === field)?.type;
    if (type && type !== 'unknown') return type;
  }
  return 'string';
}

function mostCommonPaths(mappings: EmmMappingDefinition[], key: string): string[] {
  const counts = new Map<string, { paths: string[]; count: number }>();
  for (const mapping of mappings) {
    const paths = mapping.attributes.get(key);
    if (!paths) continue;
    const id = paths.join('\n');
    const entry = counts.get(id) ?? { paths, count: 0 };
    entry.count++;
    counts.set(id, entry);
  }
  let best: { paths: string[]; count: number } | undefined;
  for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
  return best?.paths ?? [];
}

/** `success - email` → `success-email`: sample references are path segments. */
export function outcomeSlug(type: string): string {
  return type.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'example';
}

function readItems<T>(absPath: string, cwd: string, diagnostics: Diagnostic[], read: (item: YamlMap) => T | undefined): T[] {
  if (!existsSync(absPath)) {
    const dir = relativePath(path.dirname(absPath), cwd);
    diagnostics.push({
      id: 'emm/missing-definitions',
      severity: 'error',
      message: `\`${path.basename(absPath)}\` is missing from \`${dir}\`; is it a checkout of the EMM repository?`,
      file: relativePath(absPath, cwd),
      span: FILE_START,
    });
    return [];
  }
  const located = readLocatedYaml(absPath, cwd, 'emm');
  diagnostics.push(...located.diagnostics);
  const root = asMap(located.root);
  const items = root ? mapGet(root, 'items') : undefined;
  if (!items || items.kind !== 'seq') {
    if (located.root) diagnostics.push(at(located.source, located.root, 'emm/invalid-definitions', `\`${path.basename(absPath)}\` has no \`items\` list.`));
    return [];
  }
  const result: T[] = [];
  for (const item of items.items) {
    const map = asMap(item);
    const value = map ? read(map) : undefined;
    if (value === undefined) diagnostics.push(at(located.source, item, 'emm/invalid-definition', 'This item has no `key`.'));
    else result.push(value);
  }
  return result;
}

function readProductName(productPath: string, productDir: string, cwd: string, diagnostics: Diagnostic[]): string {
  const file = listDir(productPath, false).find((f) => /\.product\.ya?ml$/.test(f));
  if (!file) return productDir;
  const located = readLocatedYaml(path.join(productPath, file), cwd, 'emm');
  diagnostics.push(...located.diagnostics);
  const root = asMap(located.root);
  return (root && stringAt(root, 'name')) ?? productDir;
}

function readRevision(absDir: string): string | undefined {
  try {
    const [repo, commit] = readFileSync(path.join(absDir, 'SOURCE'), 'utf8').trim().split(/\s+/);
    return commit ? `${repo} ${commit}` : undefined;
  } catch {
    return undefined;
  }
}

function listDir(dir: string, directories: boolean): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true })
      .filter((d) => (directories ? d.isDirectory() : d.isFile()))
      .map((d) => d.name)
      .sort(compareText);
  } catch {
    return [];
  }
}

function stringAt(map: YamlMap, key: string): string | undefined {
  const node = mapGet(map, key);
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

function emptyMap(near: YamlNode): YamlMap {
  return { kind: 'map', entries: [], span: near.span };
}

function at(source: SourceFile, node: YamlNode | YamlScalar, id: string, message: string, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const diagnostic: Diagnostic = { id, severity, message, file: source.path, span: node ? headSpan(source, node) : FILE_START };
  if (hint) diagnostic.hint = hint;
  return diagnostic;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
