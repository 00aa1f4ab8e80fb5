import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import { compact } from './compact.js';
import { buildDetection } from './detection.js';
import type {
  CorrelationRule,
  DetectionRule,
  FilterRule,
  Located,
  Logsource,
  Rule,
  RuleBase,
} from './model.js';
import { mapEntry, mapGet, scalarText, utcDay, type YamlMap, type YamlNode, type YamlScalar } from './yaml-node.js';

/**
 * One YAML document (a mapping) into a Rule: the kind is told by its top-level keys, as pySigma
 * does (`correlation` → correlation rule, `filter` → filter, anything else → detection rule).
 * Type errors of metadata are the schema's job; this builds what can be built and reports the
 * structural problems later stages cannot work around.
 */

/** Top-level keys defined by the Sigma specification (detection, correlation and filter rules). */
export const SPEC_TOP_LEVEL_KEYS = new Set([
  'title', 'id', 'name', 'related', 'taxonomy', 'status', 'description', 'license', 'author', 'references',
  'date', 'modified', 'logsource', 'detection', 'fields', 'falsepositives', 'level', 'tags', 'scope',
  'correlation', 'filter', 'generate',
]);

export interface RuleBuild {
  rule?: Rule;
  diagnostics: Diagnostic[];
}

export function buildRule(node: YamlMap, documentIndex: number, source: SourceFile): RuleBuild {
  const diagnostics: Diagnostic[] = [];
  const base = buildBase(node, documentIndex, source);
  if (mapEntry(node, 'correlation')) {
    const rule: CorrelationRule = { ...base, kind: 'correlation', correlation: buildCorrelation(mapGet(node, 'correlation')!, source) };
    return { rule, diagnostics };
  }
  const logsource = buildLogsource(mapGet(node, 'logsource'), node.span);
  const filterNode = mapGet(node, 'filter');
  if (filterNode) {
    if (filterNode.kind !== 'map') return { diagnostics };
    const built = buildDetection(filterNode, source, ['condition', 'rules']);
    diagnostics.push(...built.diagnostics);
    const rule: FilterRule = { ...base, kind: 'filter', logsource, filterRules: filterRules(mapGet(filterNode, 'rules')), detection: built.detection };
    return { rule, diagnostics };
  }
  const detectionEntry = mapEntry(node, 'detection');
  if (!detectionEntry) {
    diagnostics.push(error(source, 'rule/missing-detection', 'This rule has no `detection`, so it can never match.', firstKeySpan(node),
      'Add a `detection:` mapping with at least one search and a `condition`.'));
    return { diagnostics };
  }
  if (detectionEntry.value.kind !== 'map') {
    diagnostics.push(error(source, 'rule/detection-not-a-mapping', '`detection` must be a mapping of searches and a `condition`.',
      detectionEntry.value.kind === 'scalar' && detectionEntry.value.source === '' ? detectionEntry.key.span : detectionEntry.value.span));
    return { diagnostics };
  }
  const built = buildDetection(detectionEntry.value, source);
  diagnostics.push(...built.diagnostics);
  const rule: DetectionRule = { ...base, kind: 'detection', logsource, detection: built.detection };
  return { rule, diagnostics };
}

function error(source: SourceFile, id: string, message: string, span: Span, hint?: string): Diagnostic {
  const d: Diagnostic = { id, severity: 'error', message, file: source.path, span };
  if (hint) d.hint = hint;
  return d;
}

function firstKeySpan(node: YamlMap): Span {
  return node.entries[0]?.key.span ?? node.span;
}

function str(node: YamlNode | undefined): Located<string> | undefined {
  if (!node || node.kind !== 'scalar' || node.value === null) return undefined;
  if (typeof node.value === 'string') return { value: node.value, span: node.span };
  return { value: scalarText(node.value), span: node.span };
}

/** A string attribute, only when YAML delivered a string (the schema reports other types). */
function text(node: YamlNode | undefined): Located<string> | undefined {
  if (!node || node.kind !== 'scalar' || typeof node.value !== 'string') return undefined;
  return { value: node.value, span: node.span };
}

function dateValue(node: YamlNode | undefined): Located<string> | undefined {
  if (!node || node.kind !== 'scalar') return undefined;
  if (node.value instanceof Date) return { value: utcDay(node.value), span: node.span };
  if (typeof node.value !== 'string') return undefined;
  const slash = /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/.exec(node.value);
  if (slash) return { value: `${slash[1]}-${slash[2].padStart(2, '0')}-${slash[3].padStart(2, '0')}`, span: node.span };
  return { value: node.value, span: node.span };
}

function strings(node: YamlNode | undefined): Located<string>[] {
  if (!node) return [];
  if (node.kind === 'scalar') {
    const one = str(node);
    return one ? [one] : [];
  }
  if (node.kind !== 'seq') return [];
  const out: Located<string>[] = [];
  for (const item of node.items) {
    const one = str(item);
    if (one) out.push(one);
  }
  return compact(out);
}

function buildBase(node: YamlMap, documentIndex: number, source: SourceFile): RuleBase {
  const get = (key: string) => mapGet(node, key);
  const related: RuleBase['related'] = [];
  const relatedNode = get('related');
  if (relatedNode?.kind === 'seq') {
    for (const item of relatedNode.items) {
      if (item.kind !== 'map') continue;
      related.push({ id: str(mapGet(item, 'id')), type: str(mapGet(item, 'type')), span: item.span });
    }
  }
  const customAttributes: RuleBase['customAttributes'] = [];
  for (const entry of node.entries) {
    if (!SPEC_TOP_LEVEL_KEYS.has(String(entry.key.value))) customAttributes.push({ key: entry.key as YamlScalar, value: entry.value });
  }
  return {
    file: source,
    documentIndex,
    node,
    title: text(get('title')),
    id: text(get('id')),
    name: text(get('name')),
    status: text(get('status')),
    level: text(get('level')),
    description: text(get('description')),
    author: text(get('author')),
    license: text(get('license')),
    taxonomy: text(get('taxonomy')),
    date: dateValue(get('date')),
    modified: dateValue(get('modified')),
    tags: strings(get('tags')),
    references: strings(get('references')),
    falsepositives: strings(get('falsepositives')),
    fields: strings(get('fields')),
    related,
    customAttributes,
    tests: get('tests'),
    regressionTestsPath: text(get('regression_tests_path')),
  };
}

function buildLogsource(node: YamlNode | undefined, fallback: Span): Logsource {
  if (!node || node.kind !== 'map') return { span: node?.span ?? fallback };
  return {
    category: str(mapGet(node, 'category')),
    product: str(mapGet(node, 'product')),
    service: str(mapGet(node, 'service')),
    definition: str(mapGet(node, 'definition')),
    span: node.span,
  };
}

function filterRules(node: YamlNode | undefined): Located<string>[] | 'any' {
  if (!node) return [];
  if (node.kind === 'scalar' && typeof node.value === 'string' && node.value.toLowerCase() === 'any') return 'any';
  const list = strings(node);
  return list;
}

const TIMESPAN = /^(-?\d+)([smhdwMy])$/;
const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400, w: 604800, M: 2629746, y: 31556952 };
const OPERATORS = new Set(['gt', 'gte', 'lt', 'lte', 'eq', 'neq']);

function buildCorrelation(node: YamlNode, source: SourceFile): CorrelationRule['correlation'] {
  const correlation: CorrelationRule['correlation'] = { rules: [], groupBy: [], aliases: [], span: node.span };
  if (node.kind !== 'map') return correlation;
  correlation.type = text(mapGet(node, 'type'));
  correlation.rules = strings(mapGet(node, 'rules'));
  correlation.groupBy = strings(mapGet(node, 'group-by'));
  const timespan = str(mapGet(node, 'timespan'));
  if (timespan) {
    const m = TIMESPAN.exec(timespan.value);
    correlation.timespan = m ? { ...timespan, seconds: Number(m[1]) * UNIT_SECONDS[m[2]] } : timespan;
  }
  const condition = mapGet(node, 'condition');
  if (condition?.kind === 'map') {
    const operators: NonNullable<CorrelationRule['correlation']['condition']>['operators'] = [];
    let field: Located<string>[] = [];
    for (const entry of condition.entries) {
      const key = String(entry.key.value);
      if (OPERATORS.has(key) && entry.value.kind === 'scalar' && typeof entry.value.value === 'number') {
        operators.push({ op: key as 'gt', value: entry.value.value, span: source.span(entry.key.span.offset, entry.value.span.endOffset) });
      } else if (key === 'field') {
        field = strings(entry.value);
      }
    }
    correlation.condition = { operators, field, span: condition.span };
  } else if (condition?.kind === 'scalar' && typeof condition.value === 'string') {
    correlation.conditionExpression = { value: condition.value, span: condition.span };
  }
  const aliases = mapGet(node, 'aliases');
  if (aliases?.kind === 'map') {
    for (const entry of aliases.entries) {
      const mapping: { rule: Located<string>; field: Located<string> }[] = [];
      if (entry.value.kind === 'map') {
        for (const m of entry.value.entries) {
          const field = str(m.value);
          if (field) mapping.push({ rule: { value: String(m.key.value), span: m.key.span }, field });
        }
      }
      correlation.aliases.push({ alias: { value: String(entry.key.value), span: entry.key.span }, mapping });
    }
  }
  const generate = mapGet(node, 'generate');
  if (generate?.kind === 'scalar' && typeof generate.value === 'boolean') correlation.generate = { value: generate.value, span: generate.span };
  return correlation;
}
