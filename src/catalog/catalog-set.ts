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
 * later one (a user catalog, an EMM checkout) replaces the earlier (built-in) one. A catalog with an
 * outline (the built-in ones) is parsed only when a lookup needs one of its sources, and indexes are
 * built on first use, so a run that touches one log source pays for that one catalog.
 */
export function createCatalogSet(catalogs: LoadedCatalog[]): CatalogSet {
  const diagnostics: Diagnostic[] = catalogs.flatMap((c) => c.diagnostics);
  const outlineOf = (loaded: LoadedCatalog) => loaded.outline?.sources ?? loaded.catalog.sources;
  /** Source id → index of the catalog that defines it last (the one that wins). */
  const owner = new Map<string, number>();
  catalogs.forEach((loaded, index) => {
    for (const source of outlineOf(loaded)) owner.set(source.id, index);
  });
  const sourceIds = [...owner.keys()];

  let logsourceIndex: Map<string, string[]> | undefined;
  let allSources: CatalogSource[] | undefined;
  const codeIndexes = new WeakMap<CatalogSource, Map<string, CatalogEventType[]>>();
  const sampleIndexes = new WeakMap<CatalogSource, Map<string, CatalogExample[]>>();
  const unionFields = new WeakMap<CatalogSource, CatalogField[]>();

  const sourceById = (id: string): CatalogSource | undefined => {
    const index = owner.get(id);
    return index === undefined ? undefined : catalogs[index].catalog.sources.find((s) => s.id === id);
  };

  const set: CatalogSet = {
    catalogs,
    get sources(): CatalogSource[] {
      allSources ??= sourceIds.map((id) => sourceById(id)).filter((s): s is CatalogSource => s !== undefined);
      return allSources;
    },
    diagnostics,
    sourceById,
    sourcesForLogsource(logsource: LogsourceQuery) {
      if (!logsourceIndex) {
        logsourceIndex = new Map();
        catalogs.forEach((loaded, index) => {
          for (const source of outlineOf(loaded)) {
            if (owner.get(source.id) !== index) continue;
            for (const selector of source.logsources) {
              const key = logsourceKey(selector);
              const list = logsourceIndex!.get(key) ?? [];
              if (!list.includes(source.id)) list.push(source.id);
              logsourceIndex!.set(key, list);
            }
          }
        });
      }
      return (logsourceIndex.get(logsourceKey(logsource)) ?? []).map((id) => sourceById(id)).filter((s): s is CatalogSource => s !== undefined);
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
      // A reference starts with its source id: look in that source only (its catalog alone is parsed).
      const base = ref.trim().replace(/#\d+$/, '');
      const candidates = sourceIds.filter((id) => base === id || base.startsWith(`${id}/`)).sort((a, b) => b.length - a.length);
      for (const id of candidates) {
        const source = sourceById(id);
        if (!source) continue;
        let index = sampleIndexes.get(source);
        if (!index) {
          index = buildSampleIndex([source]);
          sampleIndexes.set(source, index);
        }
        const found = resolveSample(index, ref);
        if (found.length) return found;
      }
      // User catalogs may give references that do not start with their source id (they are parsed already).
      const unlisted = catalogs.filter((c) => !c.outline).flatMap((c) => c.catalog.sources).filter((s) => sourceById(s.id) === s);
      return resolveSample(buildSampleIndex(unlisted), ref);
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
