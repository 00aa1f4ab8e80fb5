import type { CatalogEventType, CatalogField, CatalogSet, CatalogSource } from '../catalog/model.js';
import type { Diagnostic, Span } from '../core/diagnostic.js';
import { hasWildcards, parseSigmaString } from '../engine/sigma-string.js';
import type { LogsourceConfig } from '../engine/logsource.js';
import type { DetectionItem, DetectionRule, FilterRule, Rule } from '../rule/model.js';
import { COVERAGE_IDS, DEFAULT_SEVERITIES, listText } from './diagnostics.js';
import { eventFieldMap, lookupField, type FieldMatch } from './field-lookup.js';
import { fieldNameMapper, type FieldNameMapper } from './field-mappings.js';
import { alternativeSelection, detectionSelection, eventTypesForValue, isDiscriminatorItem, selectedEventTypes, type Selection } from './selection.js';
import type { Severity } from '../core/diagnostic.js';

/**
 * The coverage check of one rule: bind its logsource to catalog sources, work out which event
 * types it selects, and compare every field and value it uses with what those events carry.
 */

export interface CoverageContext {
  set: CatalogSet;
  /** The config's `fieldMappings` (Sigma name → event field names). */
  fieldMappings?: Record<string, string[]>;
  logsourceConfig?: LogsourceConfig;
}

export type CheckedRule = DetectionRule | FilterRule;

export interface SourceBinding {
  source: CatalogSource;
  /** The event types the whole rule can match. */
  selection: Selection;
}

export interface RuleCoverage {
  rule: CheckedRule;
  /** Empty when no catalog describes the rule's logsource. */
  bindings: SourceBinding[];
  diagnostics: Diagnostic[];
}

export function isCheckedRule(rule: Rule): rule is CheckedRule {
  return rule.kind === 'detection' || rule.kind === 'filter';
}

export function logsourceQuery(rule: CheckedRule): { product?: string; category?: string; service?: string } {
  const query: { product?: string; category?: string; service?: string } = {};
  if (rule.logsource.product) query.product = rule.logsource.product.value;
  if (rule.logsource.category) query.category = rule.logsource.category.value;
  if (rule.logsource.service) query.service = rule.logsource.service.value;
  return query;
}

export function checkRuleCoverage(context: CoverageContext, rule: CheckedRule): RuleCoverage {
  const query = logsourceQuery(rule);
  const sources = context.set.sourcesForLogsource(query);
  if (sources.length === 0) {
    const written = Object.entries(query).map(([k, v]) => `${k}: ${v}`).join(', ') || 'empty';
    return {
      rule,
      bindings: [],
      diagnostics: [
        diagnostic(rule, COVERAGE_IDS.unknownLogsource, rule.logsource.span, `No catalog describes the logsource \`${written}\`, so the rule's fields are not checked.`, 'Add a catalog for it with `--catalog FILE` to check its fields.'),
      ],
    };
  }
  const mapper = mapperFor(context, query);
  const bindings = sources.map((source) => ({ source, selection: detectionSelection(context.set, source, rule.detection) }));
  const perSource = bindings.map((binding) => checkAgainstSource(context.set, rule, binding, mapper));
  return { rule, bindings, diagnostics: agreeing(perSource) };
}

const mappers = new WeakMap<CoverageContext, Map<string, FieldNameMapper>>();

/** One field-name mapper per distinct logsource (rules share a handful of them). */
function mapperFor(context: CoverageContext, query: { product?: string; category?: string; service?: string }): FieldNameMapper {
  let perContext = mappers.get(context);
  if (!perContext) mappers.set(context, (perContext = new Map()));
  const key = `${query.product ?? ''}|${query.category ?? ''}|${query.service ?? ''}`;
  let mapper = perContext.get(key);
  if (!mapper) perContext.set(key, (mapper = fieldNameMapper(query, context.fieldMappings, context.logsourceConfig)));
  return mapper;
}

/** With several sources bound, a finding counts only when every source gives it (the field is unknown to all of them). */
function agreeing(perSource: Diagnostic[][]): Diagnostic[] {
  if (perSource.length === 1) return perSource[0];
  const key = (d: Diagnostic) => `${d.id}@${d.span.offset}:${d.span.endOffset}`;
  const others = perSource.slice(1).map((list) => new Set(list.map(key)));
  return perSource[0].filter((d) => others.every((set) => set.has(key(d))));
}

function checkAgainstSource(set: CatalogSet, rule: CheckedRule, binding: SourceBinding, mapper: FieldNameMapper): Diagnostic[] {
  const out: Diagnostic[] = [];
  const { source } = binding;
  for (const search of rule.detection.searches) {
    for (const items of search.alternatives) {
      // An alternative that names its own event types is checked against those; otherwise against the rule's.
      const own = alternativeSelection(set, source, items);
      const selection = own.all ? binding.selection : own;
      for (const item of items) {
        if (item.field === null || item.fieldSpan === null) continue;
        if (isDiscriminatorItem(source, item)) checkDiscriminator(set, rule, source, item, out);
        else checkField(set, rule, source, selection, item, mapper, out);
      }
    }
  }
  return out;
}

function checkDiscriminator(set: CatalogSet, rule: CheckedRule, source: CatalogSource, item: DetectionItem, out: Diagnostic[]): void {
  const discriminator = source.discriminator!;
  const typeProblems = valueTypeProblems(rule, item, { name: item.field!, type: discriminator.type, origin: 'definition' });
  out.push(...typeProblems);
  if (typeProblems.length > 0 || discriminator.completeness !== 'complete' || item.negated) return;
  for (const value of item.values) {
    const types = eventTypesForValue(set, source, item, value);
    if (types === undefined || types.length > 0) continue;
    out.push(
      diagnostic(rule, COVERAGE_IDS.unknownEvent, value.span, `${item.field} \`${String(value.value)}\` is not an event of \`${source.id}\` (${source.title}).`, `\`rulecheck catalog show ${source.id}\` lists its ${source.eventTypes.length} events.`),
    );
  }
}

function checkField(set: CatalogSet, rule: CheckedRule, source: CatalogSource, selection: Selection, item: DetectionItem, mapper: FieldNameMapper, out: Diagnostic[]): void {
  const name = item.field!;
  let match: FieldMatch = lookupField(set, source, name);
  let catalogName = name;
  if (match.kind === 'missing') {
    for (const alternative of mapper.alternatives(name)) {
      const found = lookupField(set, source, alternative);
      if (found.kind !== 'missing') {
        match = found;
        catalogName = alternative;
        break;
      }
    }
  }
  if (match.kind === 'nested') return;
  if (match.kind === 'missing') {
    out.push(unknownField(rule, source, item, match));
    return;
  }
  const events = selection.all || selection.open ? undefined : selectedEventTypes(source, selection);
  let fieldDefs: CatalogField[] = [match.field];
  if (events && events.length > 0) {
    const carriers = events.filter((e) => eventFieldMap(set, source, e).has(catalogName));
    if (carriers.length === 0) {
      const unsupported = unsupportedAttribute(source, events, catalogName);
      if (unsupported) {
        out.push(
          diagnostic(
            rule,
            COVERAGE_IDS.unsupportedAttribute,
            item.fieldSpan!,
            `${source.title} does not log the ${unsupported.name} (\`${name}\`) for ${eventsText(source, events)}, as the Event Maturity Matrix records it.`,
            unsupported.elsewhere.length ? `It is logged for ${eventsText(source, unsupported.elsewhere)}.` : undefined,
          ),
        );
        return;
      }
      const withField = source.eventTypes.filter((e) => eventFieldMap(set, source, e).has(catalogName));
      const complete = events.every((e) => e.completeness === 'complete');
      out.push(
        diagnostic(
          rule,
          COVERAGE_IDS.fieldNotInEvent,
          item.fieldSpan!,
          `\`${name}\` is not a field of ${eventsText(source, events)}${complete ? '' : ' as far as the catalog lists them'}.`,
          withField.length ? `It is carried by ${eventsText(source, withField)}.` : undefined,
          complete ? undefined : 'info',
        ),
      );
      return;
    }
    fieldDefs = carriers.map((e) => eventFieldMap(set, source, e).get(catalogName)!);
  } else {
    fieldDefs = allDefinitions(set, source, catalogName);
  }
  // A value type is only certain when every definition of the field in play agrees on it.
  const integer = fieldDefs.find((d) => d.type === 'integer' && TRUSTED_TYPES.has(d.origin));
  if (integer && fieldDefs.every((d) => d.type === 'integer' && TRUSTED_TYPES.has(d.origin))) out.push(...valueTypeProblems(rule, item, integer));
  out.push(...unknownValues(rule, source, item, fieldDefs, events));
}

/** Every definition of a field in the source: the common one and each event type's own. */
const definitionCache = new WeakMap<CatalogSource, Map<string, CatalogField[]>>();

function allDefinitions(set: CatalogSet, source: CatalogSource, name: string): CatalogField[] {
  let perSource = definitionCache.get(source);
  if (!perSource) definitionCache.set(source, (perSource = new Map()));
  let cached = perSource.get(name);
  if (!cached) perSource.set(name, (cached = collectDefinitions(set, source, name)));
  return cached;
}

function collectDefinitions(set: CatalogSet, source: CatalogSource, name: string): CatalogField[] {
  const defs = new Set<CatalogField>();
  for (const field of set.fieldsOf(source)) if (field.name === name) defs.add(field);
  for (const eventType of source.eventTypes) {
    const field = eventFieldMap(set, source, eventType).get(name);
    if (field) defs.add(field);
  }
  return [...defs];
}

function unknownField(rule: CheckedRule, source: CatalogSource, item: DetectionItem, match: Extract<FieldMatch, { kind: 'missing' }>): Diagnostic {
  const nearMiss = match.how === 'case' || match.how === 'separators';
  // A partial list misses fields, so an unlisted name is only worth a warning when it is a near miss of a listed one.
  const severity: Severity = source.completeness === 'complete' || nearMiss ? 'warning' : 'info';
  const hint = match.suggestion ? `Did you mean \`${match.suggestion}\`?${match.how === 'case' ? ' Field names are case-sensitive.' : ''}` : undefined;
  const qualifier = source.completeness === 'complete' ? '' : ' (the catalog lists only part of its fields)';
  return diagnostic(rule, COVERAGE_IDS.unknownField, item.fieldSpan!, `\`${item.field}\` is not a field of \`${source.id}\`${qualifier}.`, hint, severity);
}

/** The EMM attribute a field carries in some event types of the source, when every selected event type does not log it. */
function unsupportedAttribute(source: CatalogSource, events: CatalogEventType[], field: string): { name: string; elsewhere: CatalogEventType[] } | undefined {
  const keys = new Set<string>();
  for (const eventType of source.eventTypes) for (const a of eventType.attributes ?? []) if (a.supported && a.paths.includes(field)) keys.add(a.key);
  for (const key of keys) {
    const unsupported = events.every((e) => e.attributes?.some((a) => a.key === key && !a.supported));
    if (!unsupported) continue;
    const name = events[0].attributes!.find((a) => a.key === key)!.name;
    const elsewhere = source.eventTypes.filter((e) => e.attributes?.some((a) => a.key === key && a.supported));
    return { name, elsewhere };
  }
  return undefined;
}

const TEXT_MODIFIERS = new Set(['contains', 'startswith', 'endswith', 're', 'base64', 'base64offset', 'windash', 'utf16le', 'utf16be', 'utf16', 'wide', 'cidr']);
const SKIP_VALUE_MODIFIERS = new Set(['exists', 'fieldref', 'expand']);
const TRUSTED_TYPES = new Set(['field-table', 'definition', 'connector']);

const INTEGER_RANGES: ReadonlyMap<string, [bigint, bigint]> = new Map([
  ['Int8', [-(2n ** 7n), 2n ** 7n - 1n]],
  ['UInt8', [0n, 2n ** 8n - 1n]],
  ['Int16', [-(2n ** 15n), 2n ** 15n - 1n]],
  ['UInt16', [0n, 2n ** 16n - 1n]],
  ['Int32', [-(2n ** 31n), 2n ** 31n - 1n]],
  ['UInt32', [0n, 2n ** 32n - 1n]],
  ['Int64', [-(2n ** 63n), 2n ** 63n - 1n]],
  ['UInt64', [0n, 2n ** 64n - 1n]],
]);

function valueTypeProblems(rule: CheckedRule, item: DetectionItem, field: Pick<CatalogField, 'name' | 'type' | 'origin' | 'nativeType'>): Diagnostic[] {
  if (field.type !== 'integer' || !TRUSTED_TYPES.has(field.origin)) return [];
  const modifiers = item.modifiers;
  if (modifiers.some((m) => SKIP_VALUE_MODIFIERS.has(m.name))) return [];
  const typeName = field.nativeType ?? 'integer';
  const textModifier = modifiers.find((m) => TEXT_MODIFIERS.has(m.name));
  if (textModifier) {
    return [
      diagnostic(rule, COVERAGE_IDS.valueType, textModifier.span, `\`${textModifier.name}\` treats \`${item.field}\` as text, but it is a number (${typeName}).`, 'Compare the number itself, or a range with `gte`/`lte`.'),
    ];
  }
  const out: Diagnostic[] = [];
  const range = field.nativeType ? INTEGER_RANGES.get(field.nativeType) : undefined;
  for (const value of item.values) {
    const v = value.value;
    if (v === null) continue;
    let number: bigint | undefined;
    if (typeof v === 'number' && Number.isInteger(v)) number = BigInt(v);
    else if (typeof v === 'string' && /^\s*-?\d+\s*$/.test(v)) number = BigInt(v.trim());
    if (number === undefined) {
      out.push(diagnostic(rule, COVERAGE_IDS.valueType, value.span, `\`${String(v)}\` cannot occur in \`${item.field}\`, which holds a number (${typeName}).`));
    } else if (range && (number < range[0] || number > range[1])) {
      out.push(diagnostic(rule, COVERAGE_IDS.valueType, value.span, `\`${String(v)}\` is out of range for \`${item.field}\` (${typeName}: ${range[0]} to ${range[1]}).`));
    }
  }
  return out;
}

function unknownValues(rule: CheckedRule, source: CatalogSource, item: DetectionItem, defs: CatalogField[], events: CatalogEventType[] | undefined): Diagnostic[] {
  if (!defs.every((d) => d.knownValuesComplete && d.knownValues)) return [];
  if (item.modifiers.some((m) => m.name !== 'cased')) return [];
  const cased = item.modifiers.some((m) => m.name === 'cased');
  const known = new Set<string>();
  const norm = (v: string | number | boolean) => (typeof v === 'string' && !cased ? v.toLowerCase() : String(v));
  for (const def of defs) for (const kv of def.knownValues!) for (const v of [kv.value, ...(kv.aliases ?? [])]) known.add(norm(v));
  const out: Diagnostic[] = [];
  for (const value of item.values) {
    const v = value.value;
    if (v === null || v instanceof Date) continue;
    if (typeof v === 'string' && hasWildcards(parseSigmaString(v))) continue;
    if (known.has(norm(v))) continue;
    const listed = [...new Set(defs.flatMap((d) => d.knownValues!.map((kv) => `\`${kv.value}\``)))];
    const carriers = events ? source.eventTypes.filter((e) => e.fields.some((f) => f.name === defs[0].name && f.knownValues?.some((kv) => [kv.value, ...(kv.aliases ?? [])].some((x) => norm(x) === norm(v))))) : [];
    const where = events ? ` for ${eventsText(source, events)}` : '';
    const hint = [`Documented values: ${listText(listed, 8)}.`, carriers.length ? `\`${String(v)}\` is documented for ${eventsText(source, carriers)}.` : ''].filter(Boolean).join(' ');
    out.push(diagnostic(rule, COVERAGE_IDS.unknownValue, value.span, `\`${String(v)}\` is not a documented value of \`${item.field}\`${where}.`, hint));
  }
  return out;
}

function eventsText(source: CatalogSource, events: CatalogEventType[]): string {
  const numeric = events.every((e) => /^\d+$/.test(e.id));
  const names = events.map((e) => `\`${e.id}\``);
  if (numeric) return `${source.discriminator?.field ?? 'event'} ${listText(names)}`;
  return `${events.length === 1 ? 'event type' : 'event types'} ${listText(names)}`;
}

export function diagnostic(rule: CheckedRule, id: string, span: Span, message: string, hint?: string, severity?: Severity): Diagnostic {
  const d: Diagnostic = { id, severity: severity ?? DEFAULT_SEVERITIES[id], message, file: rule.file.path, span };
  if (hint) d.hint = hint;
  return d;
}

