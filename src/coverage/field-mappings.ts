import { BUILTIN_LOGSOURCES, logsourceVariants, type LogsourceConfig } from '../engine/logsource.js';

/**
 * Other names a rule's field may have in the events of its log source: the logsource
 * configuration's renames (Security 4688 carries `Image` as `NewProcessName`) and the config's
 * `fieldMappings`, both ways, so a rule written against either name finds the catalog's field.
 */
export interface FieldNameMapper {
  alternatives(field: string): string[];
}

export function fieldNameMapper(
  logsource: { product?: string; category?: string; service?: string },
  userMappings: Record<string, string[]> = {},
  config: LogsourceConfig = BUILTIN_LOGSOURCES,
): FieldNameMapper {
  const pairs: [string, string][] = [];
  for (const variant of logsourceVariants(logsource, config) ?? []) for (const [sigma, event] of Object.entries(variant.fieldMappings)) pairs.push([sigma, event]);
  for (const [sigma, events] of Object.entries(userMappings)) for (const event of events) pairs.push([sigma, event]);
  if (pairs.length === 0) return { alternatives: () => [] };
  const map = new Map<string, Set<string>>();
  const add = (a: string, b: string) => {
    const set = map.get(a) ?? new Set<string>();
    set.add(b);
    map.set(a, set);
  };
  for (const [a, b] of pairs) {
    add(a, b);
    add(b, a);
  }
  return { alternatives: (field) => [...(map.get(field) ?? [])] };
}
