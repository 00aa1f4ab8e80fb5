import type { Diagnostic } from '../core/diagnostic.js';
import type {
  CatalogEventType,
  CatalogExample,
  CatalogField,
  CatalogSet,
  CatalogSource,
  LoadedCatalog,
  LogsourceQuery,
  LogsourceSelector,
} from './model.js';

/**
 * Builds the lookups of a set of loaded catalogs. When two catalogs define the same source id, the
 * later one (a user catalog, an EMM checkout) replaces the earlier (built-in) one. Indexes are built
 * on first use, so loading stays cheap for commands that use little of it.
 */
export function createCatalogSet(catalogs: LoadedCatalog[]): CatalogSet {
  const byId = new Map<string, CatalogSource>();
  for (const loaded of catalogs) for (const source of loaded.catalog.sources) byId.set(source.id, source);
  const sources = [...byId.values()];
  const diagnostics: Diagnostic[] = catalogs.flatMap((c) => c.diagnostics);

  let logsourceIndex: Map<string, CatalogSource[]> | undefined;
  const codeIndexes = new WeakMap<CatalogSource, Map<string, CatalogEventType[]>>();
  let sampleIndex: Map<string, CatalogExample[]> | undefined;
  const unionFields = new WeakMap<CatalogSource, CatalogField[]>();

  const set: CatalogSet = {
    catalogs,
    sources,
    diagnostics,
    sourceById: (id) => byId.get(id),
    sourcesForLogsource(logsource: LogsourceQuery) {
      logsourceIndex ??= buildLogsourceIndex(sources);
      return logsourceIndex.get(logsourceKey(logsource)) ?? [];
    },
    eventTypesForCode(source, code) {
      let index = codeIndexes.get(source);
      if (!index) {
        index = new Map();
        for (const eventType of source.eventTypes) {
          for (const c of eventType.codes) {
            const key = String(c).toLowerCase();
            const list = index.get(key) ?? [];
            if (!list.includes(eventType)) list.push(eventType);
            index.set(key, list);
          }
        }
        codeIndexes.set(source, index);
      }
      return index.get(String(code).toLowerCase()) ?? [];
    },
    samples(ref) {
      sampleIndex ??= buildSampleIndex(sources);
      return resolveSample(sampleIndex, ref);
    },
    fieldsOf(source, eventType) {
      const base = [...source.constants.map(constantField), ...source.commonFields];
      if (eventType) return overlay(base, eventType.fields);
      let union = unionFields.get(source);
      if (!union) {
        union = dedupe([...base, ...source.eventTypes.flatMap((e) => e.fields)]);
        unionFields.set(source, union);
      }
      return union;
    },
  };
  return set;
}

function constantField(constant: CatalogSource['constants'][number]): CatalogField {
  const type = typeof constant.value === 'number' ? (Number.isInteger(constant.value) ? 'integer' : 'number') : typeof constant.value === 'boolean' ? 'boolean' : 'string';
  return { name: constant.name, type, origin: 'definition', knownValues: [{ value: constant.value }], knownValuesComplete: true };
}

/** `base` with `own` fields replacing same-named ones in place (an event narrows a common field's values) and the rest appended. */
function overlay(base: CatalogField[], own: CatalogField[]): CatalogField[] {
  const result = dedupe(base);
  const position = new Map(result.map((f, i) => [f.name, i]));
  for (const field of own) {
    const at = position.get(field.name);
    if (at === undefined) {
      position.set(field.name, result.length);
      result.push(field);
    } else {
      result[at] = field;
    }
  }
  return result;
}

function dedupe(fields: CatalogField[]): CatalogField[] {
  const seen = new Set<string>();
  return fields.filter((f) => (seen.has(f.name) ? false : (seen.add(f.name), true)));
}

export function logsourceKey(logsource: LogsourceQuery | LogsourceSelector): string {
  const part = (v: string | undefined) => (v ?? '').toLowerCase();
  return `${part(logsource.product)}|${part(logsource.category)}|${part(logsource.service)}`;
}

function buildLogsourceIndex(sources: CatalogSource[]): Map<string, CatalogSource[]> {
  const index = new Map<string, CatalogSource[]>();
  for (const source of sources) {
    for (const selector of source.logsources) {
      const key = logsourceKey(selector);
      const list = index.get(key) ?? [];
      if (!list.includes(source)) list.push(source);
      index.set(key, list);
    }
  }
  return index;
}

function buildSampleIndex(sources: CatalogSource[]): Map<string, CatalogExample[]> {
  const index = new Map<string, CatalogExample[]>();
  for (const source of sources) {
    for (const eventType of source.eventTypes) {
      for (const example of eventType.examples) {
        const base = example.ref.replace(/#\d+$/, '');
        const list = index.get(base) ?? [];
        list.push(example);
        index.set(base, list);
      }
    }
  }
  return index;
}

/**
 * `base`: every example with that base, or, when none has it, every example whose base continues
 * it (`emm/…/account_login` selects all outcomes). `base#n`: the n-th (0-based) of those.
 */
function resolveSample(index: Map<string, CatalogExample[]>, ref: string): CatalogExample[] {
  const match = /^(.*?)(?:#(\d+))?$/.exec(ref.trim())!;
  const base = match[1].replace(/\/+$/, '');
  let group = index.get(base);
  if (!group) {
    group = [];
    for (const [key, list] of index) if (key.startsWith(`${base}/`)) group.push(...list);
  }
  if (match[2] === undefined) return [...group];
  const item = group[Number(match[2])];
  return item ? [item] : [];
}
