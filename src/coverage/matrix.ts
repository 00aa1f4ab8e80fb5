import type { CatalogSource } from '../catalog/model.js';
import type { CoverageTotal } from '../core/results.js';
import type { RuleCoverage } from './check-rule.js';
import { selectedEventTypes } from './selection.js';

/**
 * The coverage matrix: for every catalog source that rules bind to (or every source, on request),
 * each event type with the rules that select it. This is `RunReport.coverage`; its JSON form is
 * `rulecheck coverage --format json`.
 */

export interface CoverageRuleRef {
  title: string;
  id?: string;
  file: string;
  line: number;
  /** ATT&CK technique ids from `attack.tXXXX[.XXX]` tags, upper case (`T1078.004`). */
  techniques: string[];
}

export interface CoverageEventType {
  id: string;
  name: string;
  /** Indexes into `CoverageMatrix.rules`. */
  rules: number[];
}

export interface CoverageSource {
  id: string;
  title: string;
  /** `EventID`, `action`…; absent when the source has no event types (Windows field lists). */
  discriminator?: string;
  eventTypes: CoverageEventType[];
  /** Every rule bound to the source (indexes into `CoverageMatrix.rules`). */
  rules: number[];
  /** Event types with at least one rule. */
  covered: number;
}

export interface CoverageMatrix {
  version: 1;
  rules: CoverageRuleRef[];
  sources: CoverageSource[];
  /** Rules whose logsource no catalog describes. */
  unboundRules: number[];
}

export function buildCoverageMatrix(results: RuleCoverage[], allSources: CatalogSource[] = []): CoverageMatrix {
  const rules: CoverageRuleRef[] = [];
  const bySource = new Map<string, { source: CatalogSource; rules: number[]; perEvent: Map<string, number[]> }>();
  for (const source of allSources) bySource.set(source.id, { source, rules: [], perEvent: new Map() });
  const unboundRules: number[] = [];
  for (const result of results) {
    const index = rules.length;
    rules.push(ruleRef(result));
    if (result.bindings.length === 0) unboundRules.push(index);
    for (const { source, selection } of result.bindings) {
      let entry = bySource.get(source.id);
      if (!entry) bySource.set(source.id, (entry = { source, rules: [], perEvent: new Map() }));
      entry.rules.push(index);
      for (const eventType of selectedEventTypes(source, selection)) {
        const list = entry.perEvent.get(eventType.id) ?? [];
        list.push(index);
        entry.perEvent.set(eventType.id, list);
      }
    }
  }
  const sources = [...bySource.values()].map(({ source, rules: bound, perEvent }): CoverageSource => {
    const eventTypes = source.eventTypes.map((e) => ({ id: e.id, name: e.name, rules: perEvent.get(e.id) ?? [] }));
    const out: CoverageSource = { id: source.id, title: source.title, eventTypes, rules: bound, covered: eventTypes.filter((e) => e.rules.length > 0).length };
    if (source.discriminator) out.discriminator = source.discriminator.field;
    return out;
  });
  sources.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { version: 1, rules, sources, unboundRules };
}

/** Totals for the run summary: sources some rule binds to that list event types (Windows field lists have none to cover). */
export function coverageTotals(matrix: CoverageMatrix): CoverageTotal[] {
  return matrix.sources.filter((s) => s.rules.length > 0 && s.eventTypes.length > 0).map((s) => ({ source: s.id, eventTypes: s.eventTypes.length, covered: s.covered, rules: s.rules.length }));
}

function ruleRef({ rule }: RuleCoverage): CoverageRuleRef {
  const techniques = new Set<string>();
  for (const tag of rule.tags) {
    const m = /^attack\.(t\d{4}(?:\.\d{3})?)$/i.exec(tag.value.trim());
    if (m) techniques.add(m[1].toUpperCase());
  }
  const ref: CoverageRuleRef = { title: rule.title?.value ?? rule.id?.value ?? rule.file.path, file: rule.file.path, line: rule.node.span.line, techniques: [...techniques].sort() };
  if (rule.id) ref.id = rule.id.value;
  return ref;
}
