import { readFileSync } from 'node:fs';
import builtin from './logsources.json' with { type: 'json' };
import type { SigmaEvent } from './event.js';
import { numberForm, stringForm } from './values.js';

/**
 * Logsource conditions: what a rule's `logsource:` means for the events it applies to. A Windows
 * `category` stands for certain events of certain channels (process_creation = Sysmon EventID 1 or
 * Security 4688) and may rename fields (Security 4688 carries the process image as `NewProcessName`, which
 * rules call `Image`); a `service` stands for a channel. The facts live in `logsources.json` (restated from
 * SigmaHQ's tests/thor.yml, plus the project's own sources); users add or replace entries with a file
 * in the same format.
 *
 * Modes:
 * - `default`: a condition is checked only when the event carries its field; hand-written test events
 *   without `Channel`/`EventID` are taken to come from the rule's log source;
 * - `strict`: every condition applies (a missing field fails it): baseline replay, real captures;
 * - `off`: logsources are ignored.
 */

export type LogsourceMode = 'default' | 'strict' | 'off';
export const LOGSOURCE_MODES: readonly LogsourceMode[] = ['default', 'strict', 'off'];

export type ConditionValues = Record<string, (string | number)[]>;

export interface ServiceEntry {
  product: string;
  service: string;
  conditions: ConditionValues;
}

export interface CategoryEntry {
  product: string;
  category: string;
  /** The service whose conditions (usually the channel) also apply. */
  service?: string;
  conditions: ConditionValues;
  /** Sigma field name → the event's field name for these events. */
  fieldMappings?: Record<string, string>;
}

export interface LogsourceConfig {
  version: 1;
  services: ServiceEntry[];
  categories: CategoryEntry[];
}

export const BUILTIN_LOGSOURCES: LogsourceConfig = builtin as LogsourceConfig;

export interface LogsourceSelector {
  product?: string;
  category?: string;
  service?: string;
}

/** One way an event can belong to a log source: conditions on its fields, and field renames. */
export interface LogsourceVariant {
  label: string;
  conditions: { field: string; values: (string | number)[] }[];
  fieldMappings: Record<string, string>;
}

/**
 * The variants a logsource selector stands for; undefined when the configuration knows nothing about it
 * (then no condition applies).
 */
export function logsourceVariants(selector: LogsourceSelector, config: LogsourceConfig = BUILTIN_LOGSOURCES): LogsourceVariant[] | undefined {
  const product = selector.product?.toLowerCase();
  const same = (a: string | undefined, b: string | undefined) => a === undefined || b === undefined || a.toLowerCase() === b.toLowerCase();
  const serviceConditions = (service: string | undefined, entryProduct: string) =>
    service === undefined ? undefined : config.services.find((s) => s.service === service && same(s.product, entryProduct));

  if (selector.category) {
    let entries = config.categories.filter((c) => c.category === selector.category && same(c.product, product));
    if (selector.service) {
      const narrowed = entries.filter((c) => c.service === selector.service);
      if (narrowed.length > 0) entries = narrowed;
    }
    if (entries.length === 0) return undefined;
    return entries.map((entry) => {
      const conditions = Object.entries(entry.conditions).map(([field, values]) => ({ field, values }));
      const service = serviceConditions(selector.service ?? entry.service, entry.product);
      if (service) for (const [field, values] of Object.entries(service.conditions)) if (!conditions.some((c) => c.field === field)) conditions.push({ field, values });
      return {
        label: `${entry.category}${entry.service ? ` (${entry.service})` : ''}`,
        conditions,
        fieldMappings: renames(entry.fieldMappings),
      };
    });
  }
  if (selector.service) {
    const service = config.services.find((s) => s.service === selector.service && same(s.product, product));
    if (!service) return undefined;
    return [
      {
        label: service.service,
        conditions: Object.entries(service.conditions).map(([field, values]) => ({ field, values })),
        fieldMappings: renames(),
      },
    ];
  }
  return undefined;
}

/**
 * Renames without a prototype: a rule's field may be called `toString` or `constructor`, and looking it up
 * must find only a real rename, never a member every object inherits.
 */
export function renames(mappings: Record<string, string> = {}): Record<string, string> {
  return Object.assign(Object.create(null) as Record<string, string>, mappings);
}

/** Sigma value equality for logsource conditions: numbers match their decimal text, strings ignore case. */
export function conditionValueMatches(actual: unknown, expected: string | number): boolean {
  if (Array.isArray(actual)) return actual.some((a) => conditionValueMatches(a, expected));
  if (typeof expected === 'number') return numberForm(actual) === expected;
  const text = stringForm(actual);
  return text !== undefined && text.toLowerCase() === expected.toLowerCase();
}

export type ConditionOutcome = 'passed' | 'failed' | 'skipped';

export function checkCondition(event: SigmaEvent, condition: { field: string; values: (string | number)[] }, mode: LogsourceMode): ConditionOutcome {
  const actual = event.get(condition.field);
  if (actual === undefined || actual === null) return mode === 'strict' ? 'failed' : 'skipped';
  return condition.values.some((v) => conditionValueMatches(actual, v)) ? 'passed' : 'failed';
}

export function variantApplies(event: SigmaEvent, variant: LogsourceVariant, mode: LogsourceMode): boolean {
  if (mode === 'off') return true;
  for (const condition of variant.conditions) if (checkCondition(event, condition, mode) === 'failed') return false;
  return true;
}

/** Adds user entries to a configuration; an entry for the same source replaces the existing one. */
export function mergeLogsourceConfigs(base: LogsourceConfig, ...extra: LogsourceConfig[]): LogsourceConfig {
  const services = [...base.services];
  const categories = [...base.categories];
  for (const config of extra) {
    for (const s of config.services ?? []) {
      const at = services.findIndex((x) => x.product === s.product && x.service === s.service);
      if (at >= 0) services[at] = s;
      else services.push(s);
    }
    const replaced = new Set<string>();
    for (const c of config.categories ?? []) {
      const key = `${c.product}|${c.category}|${c.service ?? ''}`;
      if (!replaced.has(key)) {
        for (let i = categories.length - 1; i >= 0; i--) {
          const x = categories[i];
          if (`${x.product}|${x.category}|${x.service ?? ''}` === key) categories.splice(i, 1);
        }
        replaced.add(key);
      }
      categories.push(c);
    }
  }
  return { version: 1, services, categories };
}

function problemsOf(value: unknown): string[] {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null) return ['the file must hold a JSON object'];
  const v = value as Partial<LogsourceConfig>;
  const conditionsOk = (c: unknown) =>
    typeof c === 'object' && c !== null && Object.values(c).every((list) => Array.isArray(list) && list.every((x) => typeof x === 'string' || typeof x === 'number'));
  (v.services ?? []).forEach((s, i) => {
    if (typeof s?.product !== 'string' || typeof s?.service !== 'string') problems.push(`services[${i}] needs \`product\` and \`service\``);
    else if (!conditionsOk(s.conditions)) problems.push(`services[${i}].conditions must map field names to lists of values`);
  });
  (v.categories ?? []).forEach((c, i) => {
    if (typeof c?.product !== 'string' || typeof c?.category !== 'string') problems.push(`categories[${i}] needs \`product\` and \`category\``);
    else if (!conditionsOk(c.conditions)) problems.push(`categories[${i}].conditions must map field names to lists of values`);
  });
  return problems;
}

/** Reads a user logsource file (same format as the built-in one) and merges it over the built-in entries. */
export function loadLogsourceConfig(path: string, base: LogsourceConfig = BUILTIN_LOGSOURCES): { config: LogsourceConfig; problems: string[] } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    return { config: base, problems: [`cannot read \`${path}\`: ${(error as Error).message}`] };
  }
  const problems = problemsOf(parsed);
  if (problems.length > 0) return { config: base, problems };
  const user = parsed as Partial<LogsourceConfig>;
  return { config: mergeLogsourceConfigs(base, { version: 1, services: user.services ?? [], categories: user.categories ?? [] }), problems };
}
