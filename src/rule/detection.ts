import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import { compact } from './compact.js';
import { checkModifierChain, parseFieldSpec } from './field-spec.js';
import type { Condition, Detection, DetectionItem, DetectionValue, Search } from './model.js';
import type { YamlMap, YamlMapEntry, YamlNode, YamlScalar } from './yaml-node.js';

/**
 * `detection:` (or `filter:`) into searches and conditions. Structural problems are located errors;
 * the condition text is kept here and parsed afterwards, once every search name is known.
 */

export interface DetectionBuild {
  detection: Detection;
  diagnostics: Diagnostic[];
}

/** Keys of the detection map that are not search identifiers. */
export function buildDetection(map: YamlMap, source: SourceFile, reserved: readonly string[] = ['condition']): DetectionBuild {
  const diagnostics: Diagnostic[] = [];
  const searches: Search[] = [];
  const conditions: Condition[] = [];
  for (const entry of map.entries) {
    const name = typeof entry.key.value === 'string' ? entry.key.value : String(entry.key.value);
    if (name === 'condition') {
      conditions.push(...readConditions(entry, source, diagnostics));
      continue;
    }
    if (reserved.includes(name)) continue;
    if (name === 'timeframe') {
      // Sigma v1: the window of a `| count()` aggregation; pySigma skips it too.
      diagnostics.push({ id: 'rule/legacy-timeframe', severity: 'warning', message: '`timeframe` belongs to Sigma v1 aggregations and has no effect in Sigma v2.',
        file: source.path, span: entry.key.span, hint: 'Move the time window to a correlation rule (`correlation.timespan`).' });
      continue;
    }
    searches.push(buildSearch(name, entry, source, diagnostics));
  }
  if (!map.entries.some((e) => e.key.value === 'condition')) {
    diagnostics.push(err(source, 'rule/missing-condition', 'The detection has no `condition`.', map.span,
      'Add `condition:` naming the searches that must match, e.g. `condition: selection`.'));
  }
  if (searches.length === 0) {
    diagnostics.push(err(source, 'rule/no-search', 'The detection defines no search identifier (a named selection next to `condition`).', map.span));
  }
  return { detection: { searches: compact(searches), conditions: compact(conditions), span: map.span }, diagnostics };
}

function err(source: SourceFile, id: string, message: string, span: Span, hint?: string): Diagnostic {
  const d: Diagnostic = { id, severity: 'error', message, file: source.path, span };
  if (hint) d.hint = hint;
  return d;
}

function readConditions(entry: YamlMapEntry, source: SourceFile, diagnostics: Diagnostic[]): Condition[] {
  const value = entry.value;
  const nodes: YamlNode[] = value.kind === 'seq' ? value.items : [value];
  if (value.kind === 'seq' && value.items.length === 0) {
    diagnostics.push(err(source, 'rule/empty-condition', 'The condition list is empty.', value.span));
    return [];
  }
  const out: Condition[] = [];
  for (const node of nodes) {
    if (node.kind !== 'scalar') {
      diagnostics.push(err(source, 'rule/condition-not-text', 'A condition must be text, such as `selection and not filter`.', node.span));
      continue;
    }
    if (node.value === null || (typeof node.value === 'string' && node.value.trim() === '')) {
      diagnostics.push(err(source, 'rule/empty-condition', 'The condition is empty.', node.value === null && node.source === '' ? entry.key.span : node.span,
        'Write the searches that must match, e.g. `condition: selection`.'));
      continue;
    }
    if (typeof node.value !== 'string') {
      diagnostics.push(err(source, 'rule/condition-not-text', `A condition must be text; \`${node.source}\` is read as a ${typeof node.value}.`, node.span,
        'Quote the condition.'));
      continue;
    }
    out.push({ text: node.value, span: node.span });
  }
  return out;
}

function buildSearch(name: string, entry: YamlMapEntry, source: SourceFile, diagnostics: Diagnostic[]): Search {
  const value = entry.value;
  const alternatives: DetectionItem[][] = [];
  const search: Search = {
    name,
    nameSpan: entry.key.span,
    span: source.span(entry.key.span.offset, Math.max(entry.key.span.endOffset, value.span.endOffset)),
    alternatives,
    node: value,
  };
  const empty = (what: string) =>
    diagnostics.push(err(source, 'detection/empty-search', `The search \`${name}\` is empty (${what}).`, value.kind === 'scalar' && value.source === '' ? entry.key.span : value.span,
      'Give it field/value pairs or a list of keywords, or remove it.'));
  if (value.kind === 'map') {
    if (value.entries.length === 0) empty('an empty mapping');
    else alternatives.push(buildItems(value, source, diagnostics));
  } else if (value.kind === 'seq') {
    if (value.items.length === 0) empty('an empty list');
    const keywords: YamlScalar[] = [];
    for (const item of value.items) {
      if (item.kind === 'map') {
        if (item.entries.length === 0) empty('a list holding an empty mapping');
        else alternatives.push(buildItems(item, source, diagnostics));
      } else if (item.kind === 'scalar') {
        keywords.push(item);
      } else {
        diagnostics.push(err(source, 'detection/unsupported-value', 'A list inside a search list has no meaning in Sigma.', item.span));
      }
    }
    if (keywords.length > 0) alternatives.push([keywordItem(keywords, value.span, source, diagnostics)]);
  } else if (value.value === null) {
    empty('no value');
  } else {
    alternatives.push([keywordItem([value], value.span, source, diagnostics)]);
  }
  search.alternatives = compact(alternatives);
  return search;
}

function keywordItem(values: YamlScalar[], span: Span, source: SourceFile, diagnostics: Diagnostic[]): DetectionItem {
  const item: DetectionItem = {
    field: null,
    key: null,
    fieldSpan: null,
    modifiers: [],
    values: values.map(toValue),
    linking: 'or',
    negated: false,
    valueSpan: span,
    span,
  };
  for (const value of item.values) {
    if (value.value === null) {
      diagnostics.push(err(source, 'detection/null-keyword', 'A keyword cannot be `null`; null only makes sense for a field.', value.span));
    }
  }
  return item;
}

function toValue(node: YamlScalar): DetectionValue {
  return { value: node.value, node, span: node.span };
}

function buildItems(map: YamlMap, source: SourceFile, diagnostics: Diagnostic[]): DetectionItem[] {
  return map.entries.map((entry) => buildItem(entry, source, diagnostics));
}

function buildItem(entry: YamlMapEntry, source: SourceFile, diagnostics: Diagnostic[]): DetectionItem {
  const { spec, diagnostics: specDiagnostics } = parseFieldSpec(entry.key, source);
  diagnostics.push(...specDiagnostics);
  const value = entry.value;
  const values: DetectionValue[] = [];
  if (value.kind === 'scalar') {
    values.push(toValue(value));
  } else if (value.kind === 'seq') {
    if (value.items.length === 0) {
      // pySigma reads `field: []` as a null check.
      values.push({ value: null, node: { kind: 'scalar', value: null, style: 'plain', source: '[]', span: value.span }, span: value.span });
    }
    for (const item of value.items) {
      if (item.kind === 'scalar') values.push(toValue(item));
      else diagnostics.push(err(source, 'detection/unsupported-value',
        `A value of \`${spec.field ?? 'a keyword'}\` must be a string, number, boolean or null; a ${item.kind === 'map' ? 'mapping' : 'list'} has no meaning here.`, item.span));
    }
  } else {
    diagnostics.push(err(source, 'detection/unsupported-value',
      `The value of \`${spec.field ?? 'a keyword'}\` is a mapping; Sigma field values are strings, numbers, booleans, null or lists of them.`, value.span,
      'To AND several fields, put them side by side in the search, not nested.'));
  }
  const names = spec.modifiers.map((m) => m.name);
  const item: DetectionItem = {
    field: spec.field,
    key: entry.key,
    fieldSpan: spec.fieldSpan,
    modifiers: spec.modifiers,
    values: compact(values),
    linking: names.includes('all') ? 'and' : 'or',
    negated: names.includes('neq'),
    valueSpan: value.span,
    span: source.span(entry.key.span.offset, Math.max(entry.key.span.endOffset, value.span.endOffset)),
  };
  if (value.kind !== 'map') diagnostics.push(...checkModifierChain(spec, values, entry.key, source));
  return item;
}
