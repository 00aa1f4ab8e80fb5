import type { Catalog, CatalogField, CatalogSource } from '../../src/catalog/model.js';
import { CATALOG_FORMAT_VERSION } from '../../src/catalog/model.js';

/**
 * Restates SigmaHQ's per-logsource field lists for Windows (`tests/logsource.json`, the lists its
 * own test suite checks rule fields against) as catalog sources, one per category and per service.
 */

interface LogsourceFieldLists {
  title?: string;
  version?: string;
  legit: { windows: { common: string[]; category: Record<string, string[]>; service: Record<string, string[]> } };
  addon?: { windows?: { category?: Record<string, string[]>; service?: Record<string, string[]> } };
}

export function buildWindowsCatalog(json: string): Catalog {
  const lists = JSON.parse(json) as LogsourceFieldLists;
  const windows = lists.legit.windows;
  const common: CatalogField[] = windows.common.map((name) => ({ name, type: name === 'EventID' ? 'integer' : 'string', origin: 'definition' }));
  const sources: CatalogSource[] = [];
  for (const kind of ['category', 'service'] as const) {
    const entries = Object.entries(windows[kind]).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [name, fieldNames] of entries) {
      const addon = lists.addon?.windows?.[kind]?.[name] ?? [];
      const seen = new Set(windows.common);
      const fields: CatalogField[] = [...common];
      for (const field of fieldNames) {
        if (seen.has(field)) continue;
        seen.add(field);
        fields.push({ name: field, type: 'unknown', origin: 'definition' });
      }
      for (const field of addon) {
        if (seen.has(field)) continue;
        seen.add(field);
        fields.push({ name: field, type: 'unknown', origin: 'definition', description: 'Added by common enrichment; not in the raw Windows event.' });
      }
      const listed = fieldNames.length > 0;
      sources.push({
        id: `windows/${name}`,
        title: `Windows ${kind} ${name}`,
        product: 'Windows',
        logsources: [{ product: 'windows', [kind]: name, kind: 'primary' }],
        constants: [],
        commonFields: fields,
        completeness: listed ? 'complete' : 'partial',
        completenessNote: listed
          ? 'The field list SigmaHQ checks rules of this logsource against.'
          : 'SigmaHQ lists no fields for this logsource; only the fields common to Windows logs are known.',
        eventTypes: [],
      });
    }
  }
  return {
    formatVersion: CATALOG_FORMAT_VERSION,
    id: 'windows',
    title: 'Windows logsource field lists',
    description: 'Fields per Windows logsource category and service, as checked by the SigmaHQ rule repository.',
    basedOn: `SigmaHQ tests/logsource.json${lists.version ? ` (version ${lists.version})` : ''}`,
    sources,
  };
}
