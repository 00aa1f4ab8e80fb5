import type { ConditionExpression } from '../condition/ast.js';
import { groupApplies, type CompiledItem, type CompiledRule, type CompiledSearch, type LogsourceGroup } from './compile.js';
import { toSigmaEvent, type SigmaEvent } from './event.js';
import { RepeatMemory } from './repeat-memory.js';
import { SubstringSet } from './substring-set.js';
import { numberForm, stringForm, type IndexAtom } from './values.js';

/**
 * A candidate index over compiled rules, so that an event is evaluated only against rules that can
 * match it. Two filters, both conservative (they may let a rule through that then does not match, never
 * the reverse):
 *
 * 1. Logsource: rules are grouped by the outcome of their logsource conditions for the event's values of
 *    the condition fields (EventID, Channel, …); the outcome is memoised per distinct combination.
 * 2. Required literals: from each rule's condition, alternatives of clauses, each clause a set of literals
 *    of which at least one must be in the event (e.g. `Image` ends with `\cmd.exe` or `\powershell.exe`);
 *    a rule is a candidate when every clause of one alternative is met. Literals are looked up per field:
 *    exact values in a hash map, prefixes and suffixes by length, substrings through a `SubstringSet`.
 *    Rules without such a requirement (negations only, regexes without a literal run) are always
 *    candidates within their logsource.
 *
 * The literal tables are partitioned by logsource: once a combination of condition-field values has been
 * seen often, it gets tables holding only the literals of the rules that pass its logsource conditions
 * (a process-creation event then never scans for the literals of registry or keyword rules).
 */

interface FieldAtoms {
  equals: Map<string, number[]>;
  /** A hash of the first (prefix) or last (suffix) up to eight characters → [literal, atom id][] (no slicing per lookup). */
  prefixes: Map<number, [string, number][]>;
  suffixes: Map<number, [string, number][]>;
  /** Key lengths in use in `prefixes` / `suffixes`, ascending. */
  prefixLengths: number[];
  suffixLengths: number[];
  /** Substring literals collected while building, placed in `substrings` by `finish`. */
  pending: [string, number][];
  substrings: SubstringSet | undefined;
  /** The atoms recent values hit. */
  memory: RepeatMemory;
}

const NO_ATOMS: readonly number[] = [];

interface RuleAtoms {
  field: string;
  atom: IndexAtom;
}

export interface IndexStats {
  rules: number;
  /** Rules with a required-literal set (the rest are candidates for every event of their logsource). */
  indexedRules: number;
  atoms: number;
  /** Distinct logsource-field combinations seen so far. */
  logsourceKeys: number;
  /** Combinations seen often enough to have literal tables of their own. */
  partitionTables: number;
}

const GRAM = 4;
/** Prefix and suffix literals are keyed by up to this many characters at their end. */
const END_KEY = 8;

/** One step of the rolling hash that keys prefix and suffix literals by their first or last characters. */
function endHash(h: number, c: number, length: number): number {
  return (Math.imul(h, 31) + c + length) | 0;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Literal popularity: for each `field, kind, text`, how many rules use it anywhere. A literal that many rules
 * share is usually context (`Initiated: 'true'`, a `.exe` suffix), frequent in events too.
 */
export type AtomPopularity = Map<string, number>;

function atomKey(field: string, atom: IndexAtom): string {
  return `${field}\u0000${atom.kind}\u0000${atom.text}`;
}

/** How many rules use each literal (in any item, required or not). */
export function atomPopularity(rules: readonly CompiledRule[]): AtomPopularity {
  const counts: AtomPopularity = new Map();
  for (const rule of rules) {
    const keys = new Set<string>();
    for (const search of rule.searches)
      for (const alt of search.alternatives)
        for (const item of alt) for (const m of item.matchers) for (const atom of m.atoms ?? []) keys.add(atomKey(item.field ?? KEYWORDS, atom));
    for (const key of keys) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

/**
 * A rough estimate of how often an atom set lets a rule through: longer literals are rarer, short exact
 * values less so, and literals shared by many rules are likely common in events.
 */
function costOf(atoms: RuleAtoms[], popularity: AtomPopularity | undefined): number {
  let total = 0;
  for (const { field, atom } of atoms) {
    const n = atom.text.length;
    // Roughly proportional to the chance that an event value carries the literal.
    let c: number;
    if (atom.kind === 'equals') c = n >= 6 ? 1 : 20;
    else if (atom.kind === 'contains') c = n >= 12 ? 1 : n >= 8 ? 2 : n >= GRAM ? 8 : n === 3 ? 30 : 100;
    else c = n >= 8 ? 1 : n >= 5 ? 4 : n >= 3 ? 30 : 100;
    total += c * (popularity?.get(atomKey(field, atom)) ?? 1);
  }
  return total;
}

type Weigh = (atoms: RuleAtoms[]) => number;

function best(options: (RuleAtoms[] | null)[], weigh: Weigh): RuleAtoms[] | null {
  let chosen: RuleAtoms[] | null = null;
  let chosenCost = Infinity;
  for (const o of options) {
    if (!o) continue;
    const c = weigh(o);
    if (c < chosenCost) {
      chosen = o;
      chosenCost = c;
    }
  }
  return chosen;
}

/** The pseudo-field of keyword atoms: looked up in every string value of the event. */
export const KEYWORDS = '\u0000keywords';

/**
 * A condition on the event's literals: one of the clause's literals must occur. A rule's requirement is a list
 * of alternatives, each a conjunction of clauses (every clause must hold); the index takes a rule as a
 * candidate once every clause of one of its alternatives has a literal in the event. So `1 of selection_*`
 * needs all the literals of one selection, not just one literal of any.
 */
type Clause = RuleAtoms[];
type Conjunction = Clause[];
/** One of the conjunctions must hold; `[[]]` requires nothing (the rule is a candidate for every event). */
type Requirement = Conjunction[];
const NOTHING: Requirement = [[]];

/**
 * At most this many clauses per conjunction: the rarest-looking ones. A third clause let through a few more
 * rules (3.3 instead of 3.5 per event in the benchmark) but cost more than it saved: its literals are the
 * common ones, and every event that holds them updates the masks of all their rules.
 */
const MAX_CLAUSES = 2;
/** At most this many alternatives per rule; beyond, alternatives merge into one clause of their rarest literals. */
const MAX_ALTERNATIVES = 8;

function requiresNothing(r: Requirement): boolean {
  return r.some((conjunction) => conjunction.length === 0);
}

/** The alternatives as one conjunction of one clause: the union of each alternative's rarest clause. */
function merged(r: Requirement, weigh: Weigh): Requirement {
  if (r.length <= 1 || requiresNothing(r)) return r;
  return [[r.flatMap((conjunction) => best(conjunction, weigh)!)]];
}

function anyOf(parts: Requirement[], weigh: Weigh): Requirement {
  if (parts.length === 0) return NOTHING;
  if (parts.some(requiresNothing)) return NOTHING;
  const all = parts.flat();
  return all.length <= MAX_ALTERNATIVES ? all : merged(all, weigh);
}

function allOf(parts: Requirement[], weigh: Weigh): Requirement {
  let result: Requirement = NOTHING;
  for (const part of parts) {
    if (requiresNothing(part)) continue;
    const next = result.length * part.length <= MAX_ALTERNATIVES ? part : merged(part, weigh);
    result = result.flatMap((a) => next.map((b) => [...a, ...b]));
  }
  return result;
}

function itemClauses(item: CompiledItem): Clause[] {
  if (item.negated || item.matchers.length === 0) return [];
  const field = item.field ?? KEYWORDS;
  const per = item.matchers.map((m) =>
    m.atoms && (item.field !== null || m.atoms.every((a) => a.kind === 'contains')) ? m.atoms.map((atom) => ({ field, atom })) : null,
  );
  // `all`: every value is needed, each its own clause. Otherwise one of the values: one clause, if each has literals.
  if (item.linking === 'and') return per.filter((p): p is Clause => p !== null);
  return per.some((p) => p === null) ? [] : [per.flat() as Clause];
}

function searchRequirement(search: CompiledSearch, weigh: Weigh): Requirement {
  return anyOf(
    search.alternatives.map((alt) => [alt.flatMap(itemClauses)]),
    weigh,
  );
}

function expressionRequirement(expr: ConditionExpression, searches: Map<string, CompiledSearch>, weigh: Weigh): Requirement {
  switch (expr.type) {
    case 'identifier': {
      const search = searches.get(expr.name);
      return search ? searchRequirement(search, weigh) : NOTHING;
    }
    case 'not':
      return NOTHING;
    case 'and':
      return allOf(
        expr.operands.map((o) => expressionRequirement(o, searches, weigh)),
        weigh,
      );
    case 'or':
      return anyOf(
        expr.operands.map((o) => expressionRequirement(o, searches, weigh)),
        weigh,
      );
    case 'selector': {
      const parts = expr.matches.map((m) => {
        const search = searches.get(m);
        return search ? searchRequirement(search, weigh) : NOTHING;
      });
      return expr.quantifier === 'one' ? anyOf(parts, weigh) : allOf(parts, weigh);
    }
  }
}

function clauseKey(clause: Clause): string {
  return clause
    .map((a) => atomKey(a.field, a.atom))
    .sort()
    .join('\u0001');
}

/** A conjunction without repeated clauses, its rarest-looking `max` clauses first. */
function rarest(conjunction: Conjunction, weigh: Weigh, max: number): Conjunction {
  const distinct = new Map<string, Clause>();
  for (const clause of conjunction) {
    const key = clauseKey(clause);
    if (!distinct.has(key)) distinct.set(key, clause);
  }
  return [...distinct.values()]
    .map((clause) => ({ clause, cost: weigh(clause) }))
    .sort((a, b) => a.cost - b.cost)
    .slice(0, max)
    .map((c) => c.clause);
}

/**
 * The literal requirement of a matching event: alternatives (up to `MAX_ALTERNATIVES`), each of up to `max`
 * clauses, rarest-looking first (judged with `popularity` if given). Empty when some alternative needs no
 * literal: the rule is then a candidate for every event of its log source.
 */
export function requiredAlternatives(rule: CompiledRule, popularity?: AtomPopularity, max = MAX_CLAUSES): Clause[][] {
  const searches = new Map(rule.searches.map((s) => [s.name, s]));
  const conditions = rule.rule.detection.conditions;
  const weigh: Weigh = (atoms) => costOf(atoms, popularity);
  const requirement = anyOf(
    conditions.map((c) => (c.expression ? expressionRequirement(c.expression, searches, weigh) : NOTHING)),
    weigh,
  );
  if (requiresNothing(requirement)) return [];
  const distinct = new Map<string, Conjunction>();
  for (const conjunction of requirement) {
    const kept = rarest(conjunction, weigh, max);
    const key = kept.map(clauseKey).join('\u0002');
    if (!distinct.has(key)) distinct.set(key, kept);
  }
  return [...distinct.values()];
}

/** The rules' alternatives, numbered across all rules: the units whose clauses the literal tables count. */
interface Units {
  /** Per rule: the numbers of its alternatives (none: a candidate whatever the literals). */
  ofRule: number[][];
  /** Per unit: its clauses (at most 4, one bit each in a mask). */
  clauses: Conjunction[];
  /** Per unit: its rule's number. */
  rule: Int32Array;
}

function numberUnits(ruleAlternatives: readonly Conjunction[][]): Units {
  const clauses: Conjunction[] = [];
  const rules: number[] = [];
  const ofRule = ruleAlternatives.map((alternatives, rule) =>
    alternatives.map((conjunction) => {
      clauses.push(conjunction);
      rules.push(rule);
      return clauses.length - 1;
    }),
  );
  return { ofRule, clauses, rule: Int32Array.from(rules) };
}

/** Literal tables over a subset of the rules: which of them may match an event, judged by its values. */
class LiteralTables {
  private readonly fields = new Map<string, FieldAtoms>();
  /** Event field names to read for each indexed field (the field itself plus logsource renames). */
  private readonly fieldSources = new Map<string, string[]>();
  /** Atom id → the clauses that it satisfies, each as `unit number × 4 + clause number`. */
  private readonly atomUnits: number[][] = [];
  private readonly units: Units;
  /** Per unit: a bit for each of its clauses (all set once every clause is met); 1 for a single clause. */
  private readonly fullMask: Uint8Array;
  /** Per unit, during `collect`: the clauses met so far, valid when `maskGeneration` is the current generation. */
  private readonly mask: Uint8Array;
  private readonly maskGeneration: Uint32Array;
  /** Rules that are candidates whatever the literals (no required-literal set). */
  readonly alwaysRules: number[] = [];
  /** Atoms that every value satisfies (an empty substring). */
  private readonly emptyAtoms: number[] = [];
  /** Event field name → the indexed fields it feeds (itself, or the Sigma name a logsource renames it to). */
  private readonly bySource = new Map<string, FieldAtoms[]>();
  private hasDottedFields = false;
  /** Keyword literals, looked up in every string of the event. */
  private readonly keywords: FieldAtoms | undefined;
  private readonly atomSeen: Uint32Array;
  readonly atomCount: number;

  constructor(units: Units, ruleIndices: Iterable<number>, renames: Map<string, Set<string>>) {
    const atomIds = new Map<string, number>();
    let count = 0;
    this.units = units;
    this.fullMask = new Uint8Array(units.clauses.length);
    this.mask = new Uint8Array(units.clauses.length);
    this.maskGeneration = new Uint32Array(units.clauses.length);
    for (const ruleIndex of ruleIndices) {
      const ruleUnits = units.ofRule[ruleIndex];
      if (ruleUnits.length === 0) {
        this.alwaysRules.push(ruleIndex);
        continue;
      }
      for (const unit of ruleUnits) {
        const clauses = units.clauses[unit];
        this.fullMask[unit] = (1 << clauses.length) - 1;
        clauses.forEach((clause, clauseIndex) => {
          const entry = unit * 4 + clauseIndex;
          for (const { field, atom } of clause) {
            const key = atomKey(field, atom);
            let id = atomIds.get(key);
            if (id === undefined) {
              id = count++;
              atomIds.set(key, id);
              this.atomUnits.push([]);
              this.addAtom(field, atom, id);
              if (!this.fieldSources.has(field)) this.fieldSources.set(field, [field, ...(renames.get(field) ?? [])]);
            }
            const list = this.atomUnits[id];
            if (!list.includes(entry)) list.push(entry);
          }
        });
      }
    }
    this.atomCount = count;
    this.atomSeen = new Uint32Array(count);
    this.recordedIn = new Uint32Array(count);
    for (const f of this.fields.values()) {
      if (f.pending.length > 0) f.substrings = new SubstringSet(f.pending);
      f.pending = [];
    }
    this.keywords = this.fields.get(KEYWORDS);
    this.fieldSources.delete(KEYWORDS);
    for (const [field, sources] of this.fieldSources) {
      if (field.includes('.')) this.hasDottedFields = true;
      for (const source of sources) push(this.bySource, source, this.fields.get(field)!);
    }
  }

  private addAtom(field: string, atom: IndexAtom, id: number): void {
    let f = this.fields.get(field);
    if (!f)
      this.fields.set(
        field,
        (f = { equals: new Map(), prefixes: new Map(), suffixes: new Map(), prefixLengths: [], suffixLengths: [], pending: [], substrings: undefined, memory: new RepeatMemory() }),
      );
    const text = atom.text;
    switch (atom.kind) {
      case 'equals':
        push(f.equals, text, id);
        break;
      case 'prefix':
      case 'suffix': {
        const length = Math.min(text.length, END_KEY);
        let h = 0;
        if (atom.kind === 'prefix') for (let i = 0; i < length; i++) h = endHash(h, text.charCodeAt(i), i);
        else for (let i = 0; i < length; i++) h = endHash(h, text.charCodeAt(text.length - 1 - i), i);
        push(atom.kind === 'prefix' ? f.prefixes : f.suffixes, h, [text, id] as [string, number]);
        const lengths = atom.kind === 'prefix' ? f.prefixLengths : f.suffixLengths;
        if (!lengths.includes(length)) {
          lengths.push(length);
          lengths.sort((a, b) => a - b);
        }
        break;
      }
      case 'contains':
        if (text.length === 0) this.emptyAtoms.push(id);
        else f.pending.push([text, id]);
        break;
    }
  }

  private lookupValue(f: FieldAtoms, value: string, hit: (atom: number) => void): void {
    // Looking a string up hashes all of it: skipped when there is nothing to find (keyword haystacks are long).
    if (f.equals.size > 0) {
      const eq = f.equals.get(value);
      if (eq) for (const id of eq) hit(id);
    }
    const n = value.length;
    // Rolling hashes of the first and last characters, checked at each key length in use.
    const prefixLengths = f.prefixLengths;
    if (prefixLengths.length > 0) {
      let h = 0;
      let k = 0;
      for (let i = 0; i < n && k < prefixLengths.length; i++) {
        h = endHash(h, value.charCodeAt(i), i);
        if (i + 1 !== prefixLengths[k]) continue;
        k++;
        const bucket = f.prefixes.get(h);
        if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (value.startsWith(bucket[b][0])) hit(bucket[b][1]);
      }
    }
    const suffixLengths = f.suffixLengths;
    if (suffixLengths.length > 0) {
      let h = 0;
      let k = 0;
      for (let i = 0; i < n && k < suffixLengths.length; i++) {
        h = endHash(h, value.charCodeAt(n - 1 - i), i);
        if (i + 1 !== suffixLengths[k]) continue;
        k++;
        const bucket = f.suffixes.get(h);
        if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (value.endsWith(bucket[b][0])) hit(bucket[b][1]);
      }
    }
    if (f.substrings !== undefined) f.substrings.forEachIn(value, hit);
  }

  /** Adds every rule that may match the event to `sink` (which drops repeats and rules its gate excludes). */
  collect(event: SigmaEvent, sink: CandidateSink): void {
    const always = this.alwaysRules;
    for (let k = 0; k < always.length; k++) sink.take(always[k]);
    this.sink = sink;
    this.generation = sink.generation;
    const hit = this.hit;
    for (let k = 0; k < this.emptyAtoms.length; k++) hit(this.emptyAtoms[k]);
    const fields = event.fields;
    const walkEvent = this.fields.size > 8 && !this.hasDottedFields;
    if (walkEvent) {
      // Walk the event's own fields (usually fewer than the indexed ones); renamed fields map back.
      for (const key in fields) {
        const targets = this.bySource.get(key);
        if (targets === undefined) continue;
        const value = fields[key];
        for (let k = 0; k < targets.length; k++) this.visit(targets[k], value, event);
      }
    } else
      for (const [field, sources] of this.fieldSources) {
        const f = this.fields.get(field)!;
        for (const source of sources) this.visit(f, event.get(source), event);
      }
    // Keyword literals: every string value `visit` looked up was searched for them too (see `lookupString`).
    // The others are joined with NUL separators, lowercased and searched once; a literal spanning a separator
    // only adds a candidate that evaluation then rejects. Reading by indexed names, `visit` may not have seen
    // a field's own string (dotted paths), so then all strings are searched, as keyword evaluation joins them.
    const keywords = this.keywords;
    if (keywords !== undefined) {
      if (!walkEvent) this.lookupValue(keywords, event.haystack(), hit);
      else {
        const rest = event.stringsExcept(this.isIndexedSource);
        if (rest.length > 0) this.lookupValue(keywords, rest.join('\u0000').toLowerCase(), hit);
      }
    }
    this.sink = undefined;
  }

  private readonly isIndexedSource = (field: string): boolean => this.bySource.has(field);

  /** The sink and generation of the `collect` call under way; `hit` is created once and reads them. */
  private sink: CandidateSink | undefined;
  private generation = 0;
  private readonly hit = (atom: number): void => {
    const generation = this.generation;
    if (this.atomSeen[atom] === generation) return;
    this.atomSeen[atom] = generation;
    const entries = this.atomUnits[atom];
    const sink = this.sink!;
    const unitRule = this.units.rule;
    for (let k = 0; k < entries.length; k++) {
      const entry = entries[k];
      const unit = entry >>> 2;
      const full = this.fullMask[unit];
      if (full === 1) {
        sink.take(unitRule[unit]);
        continue;
      }
      const met = (this.maskGeneration[unit] === generation ? this.mask[unit] : 0) | (1 << (entry & 3));
      this.maskGeneration[unit] = generation;
      this.mask[unit] = met;
      if (met === full) sink.take(unitRule[unit]);
    }
  };

  private visit(f: FieldAtoms, value: unknown, event: SigmaEvent): void {
    if (typeof value === 'string') {
      if (f.memory.takes(value)) this.visitRepeated(f, f.memory, value, event);
      else this.lookupString(f, value, event, this.hit);
    } else if (Array.isArray(value)) {
      for (let k = 0; k < value.length; k++) this.visit(f, value[k], event);
    } else if (value !== undefined && value !== null) {
      const text = stringForm(value);
      if (text !== undefined) this.lookupValue(f, text.toLowerCase(), this.hit);
    }
  }

  private lookupString(f: FieldAtoms, value: string, event: SigmaEvent, hit: (atom: number) => void): void {
    const lowered = event.lower(value);
    this.lookupValue(f, lowered, hit);
    // Keyword literals in the same value, remembered with the field's own (see `collect`).
    if (this.keywords !== undefined) this.lookupValue(this.keywords, lowered, hit);
    // Numbers in rules are indexed by their canonical text; decimal strings in events are looked up that way too.
    const n = numberForm(value);
    if (n !== undefined && String(n) !== lowered) this.lookupValue(f, String(n), hit);
  }

  private visitRepeated(f: FieldAtoms, memory: RepeatMemory, value: string, event: SigmaEvent): void {
    const known = memory.recall(value);
    if (known !== undefined) {
      for (let k = 0; k < known.length; k++) this.hit(known[k]);
      return;
    }
    this.recorded = NO_ATOMS as number[];
    this.recording = (this.recording + 1) >>> 0 || 1;
    this.lookupString(f, value, event, this.record);
    memory.remember(value, this.recorded);
  }

  /** Atoms hit by the value being looked up for the first time (`NO_ATOMS` until one is). */
  private recorded: number[] = [];
  /** Per atom: the number of the recording under way when it was last recorded (a value hits an atom many times). */
  private readonly recordedIn: Uint32Array;
  private recording = 0;
  private readonly record = (atom: number): void => {
    if (this.recordedIn[atom] !== this.recording) {
      this.recordedIn[atom] = this.recording;
      if (this.recorded === NO_ATOMS) this.recorded = [atom];
      else this.recorded.push(atom);
    }
    this.hit(atom);
  };
}

/**
 * Collects candidate rule numbers for one event: each rule once (by generation stamp), only rules its gate
 * lets through, into a buffer reused from event to event.
 */
class CandidateSink {
  generation = 0;
  gate: Uint8Array | undefined;
  count = 0;
  readonly buffer: Int32Array;
  private readonly seen: Uint32Array;

  constructor(ruleCount: number) {
    this.buffer = new Int32Array(ruleCount);
    this.seen = new Uint32Array(ruleCount);
  }

  start(gate: Uint8Array | undefined): void {
    this.generation++;
    this.gate = gate;
    this.count = 0;
  }

  take(rule: number): void {
    if (this.seen[rule] === this.generation) return;
    if (this.gate !== undefined && this.gate[rule] === 0) return;
    this.seen[rule] = this.generation;
    this.buffer[this.count++] = rule;
  }

  /** The collected rule numbers in ascending order. */
  sorted(): Int32Array {
    return this.buffer.subarray(0, this.count).sort();
  }
}

/**
 * Per combination of logsource-field values: the outcome of every logsource group of the indexed rules (by
 * group number), which rules pass, and (once seen often) their own literal tables.
 */
interface Partition {
  outcomes: Uint8Array;
  gate: Uint8Array;
  seen: number;
  tables?: LiteralTables;
}

/** One level of the partition lookup: the values of one logsource field (objects and arrays by their JSON text). */
interface PartitionLevel {
  values: Map<unknown, PartitionLevel | Partition>;
  json?: Map<string, PartitionLevel | Partition>;
}

export interface RuleIndexOptions {
  /**
   * A combination of logsource-field values seen this many times gets literal tables of its own (default 256:
   * building them costs about as much as that many lookups in the shared tables).
   */
  partitionAfter?: number;
}
/**
 * Partition tables stop being built once they hold this many times the literals of the shared tables (each
 * holds a subset of them); later combinations use the shared tables.
 */
const PARTITION_BUDGET = 4;

export class RuleIndex {
  readonly rules: CompiledRule[];
  private readonly units: Units;
  private readonly renames: Map<string, Set<string>>;
  /** Tables over every rule, used (with the logsource gate) until a combination has its own. */
  private readonly shared: LiteralTables;
  private readonly logsourceFields: string[];
  /** Every logsource group of the indexed rules, and per rule the numbers of its groups (none: always passes). */
  private readonly groups: LogsourceGroup[];
  private readonly ruleGroups: (number[] | undefined)[];
  private readonly outcomeSize: number;
  private readonly partitionRoot: PartitionLevel = { values: new Map() };
  private partitionCount = 0;
  private partitionTables = 0;
  private partitionAtoms = 0;
  private readonly tablesByRules = new Map<string, LiteralTables>();
  private readonly sink: CandidateSink;
  private readonly partitionAfter: number;
  /** Rules evaluated by `match` so far (for statistics). */
  evaluated = 0;

  constructor(rules: CompiledRule[], options: RuleIndexOptions = {}) {
    this.rules = rules;
    this.partitionAfter = Math.max(1, options.partitionAfter ?? 256);
    this.sink = new CandidateSink(rules.length);
    const conditionFields = new Set<string>();
    const renames = new Map<string, Set<string>>();
    const groups = new Map<number, LogsourceGroup>();
    this.ruleGroups = rules.map((rule) => {
      if (!rule.logsourceGroups || rule.mode === 'off') return undefined;
      for (const g of rule.logsourceGroups) groups.set(g.id, g);
      return rule.logsourceGroups.map((g) => g.id);
    });
    this.groups = [...groups.values()];
    this.outcomeSize = this.groups.reduce((max, g) => Math.max(max, g.id + 1), 0);
    for (const rule of rules)
      for (const v of rule.variants ?? []) {
        for (const c of v.conditions) conditionFields.add(c.field);
        for (const [from, to] of Object.entries(v.fieldMappings)) {
          let set = renames.get(from);
          if (!set) renames.set(from, (set = new Set()));
          set.add(to);
        }
      }
    this.logsourceFields = [...conditionFields].sort();
    this.renames = renames;
    const popularity = atomPopularity(rules);
    this.units = numberUnits(rules.map((rule) => requiredAlternatives(rule, popularity)));
    this.shared = new LiteralTables(this.units, rules.keys(), renames);
  }

  stats(): IndexStats {
    return {
      rules: this.rules.length,
      indexedRules: this.rules.length - this.shared.alwaysRules.length,
      atoms: this.shared.atomCount,
      logsourceKeys: this.partitionCount,
      partitionTables: this.partitionTables,
    };
  }

  /** Which rules pass their logsource conditions for this event (memoised per condition-field values). */
  private partition(event: SigmaEvent): Partition {
    const fields = this.logsourceFields;
    let level = this.partitionRoot;
    let found: PartitionLevel | Partition | undefined;
    let last: Map<unknown, PartitionLevel | Partition> = level.values;
    let lastKey: unknown;
    for (let i = 0; i < fields.length; i++) {
      const v = event.get(fields[i]);
      if (v !== null && typeof v === 'object') {
        last = level.json ??= new Map();
        lastKey = JSON.stringify(v);
      } else {
        last = level.values;
        lastKey = v;
      }
      found = last.get(lastKey);
      if (i === fields.length - 1) break;
      if (found === undefined) {
        found = { values: new Map() } as PartitionLevel;
        if (this.partitionCount < 10_000) last.set(lastKey, found);
      }
      level = found as PartitionLevel;
    }
    let partition = (fields.length === 0 ? this.rootPartition : found) as Partition | undefined;
    if (partition === undefined) {
      partition = this.newPartition(event);
      if (fields.length === 0) this.rootPartition = partition;
      else if (this.partitionCount < 10_000) last.set(lastKey, partition);
      this.partitionCount++;
    }
    if (partition.tables === undefined && ++partition.seen === this.partitionAfter && this.partitionAtoms < PARTITION_BUDGET * this.shared.atomCount) {
      const passing: number[] = [];
      partition.gate.forEach((pass, i) => pass && passing.push(i));
      // Combinations that let the same rules through share their tables.
      const signature = passing.join(',');
      let tables = this.tablesByRules.get(signature);
      if (!tables) {
        this.tablesByRules.set(signature, (tables = new LiteralTables(this.units, passing, this.renames)));
        this.partitionTables++;
        this.partitionAtoms += tables.atomCount;
      }
      partition.tables = tables;
    }
    return partition;
  }

  private rootPartition: Partition | undefined;

  private newPartition(event: SigmaEvent): Partition {
    const outcomes = new Uint8Array(this.outcomeSize);
    for (const group of this.groups) outcomes[group.id] = groupApplies(event, group) ? 1 : 2;
    const gate = new Uint8Array(this.rules.length);
    this.ruleGroups.forEach((ids, i) => {
      gate[i] = ids === undefined || ids.some((id) => outcomes[id] === 1) ? 1 : 0;
    });
    return { outcomes, gate, seen: 0 };
  }

  /** Collects the candidates of an event into the sink; returns their rule numbers in ascending order. */
  private collect(event: SigmaEvent): Int32Array {
    const partition = this.partition(event);
    event.useSharedOutcomes(partition.outcomes);
    // A partition's own tables hold only rules that pass its gate.
    this.sink.start(partition.tables ? undefined : partition.gate);
    (partition.tables ?? this.shared).collect(event, this.sink);
    return this.sink.sorted();
  }

  /** Rules that may match the event, in the order they were given. */
  candidates(input: SigmaEvent | unknown): CompiledRule[] {
    const numbers = this.collect(toSigmaEvent(input));
    const result: CompiledRule[] = new Array(numbers.length);
    for (let i = 0; i < numbers.length; i++) result[i] = this.rules[numbers[i]];
    return result;
  }

  /** The rules that match the event, in the order they were given. */
  match(input: SigmaEvent | unknown): CompiledRule[] {
    const event = toSigmaEvent(input);
    const numbers = this.collect(event);
    this.evaluated += numbers.length;
    const out: CompiledRule[] = [];
    for (let i = 0; i < numbers.length; i++) {
      const rule = this.rules[numbers[i]];
      if (rule.matches(event)) out.push(rule);
    }
    return out;
  }
}
