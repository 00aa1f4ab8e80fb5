import type { ConditionExpression } from '../condition/ast.js';
import type { CompiledItem, CompiledRule, CompiledSearch } from './compile.js';
import { toSigmaEvent, type SigmaEvent } from './event.js';
import { variantApplies } from './logsource.js';
import { numberForm, stringForm, type IndexAtom } from './values.js';

/**
 * A candidate index over compiled rules, so that an event is evaluated only against rules that can
 * match it. Two filters, both conservative (they may let a rule through that then does not match, never
 * the reverse):
 *
 * 1. Logsource: rules are grouped by the outcome of their logsource conditions for the event's values of
 *    the condition fields (EventID, Channel, …); the outcome is memoised per distinct combination.
 * 2. Required literals: from each rule's condition, a set of literals of which at least one must be in
 *    the event for the rule to match (e.g. `Image` ends with `\cmd.exe` or `\powershell.exe`). Literals
 *    are looked up per field: exact values in a hash map, prefixes and suffixes by length, substrings
 *    by their first four characters at each position of the event value. Rules without such a set
 *    (negations only, keywords, regexes) are always candidates.
 */

interface FieldAtoms {
  equals: Map<string, number[]>;
  /** The first (prefix) or last (suffix) up to eight characters → [literal, atom id][]. */
  prefixes: Map<string, [string, number][]>;
  suffixes: Map<string, [string, number][]>;
  /** Key lengths in use in `prefixes` / `suffixes`. */
  prefixLengths: number[];
  suffixLengths: number[];
  /** Substrings of four or more characters, by the key of their rarest four-character gram → [literal, atom id, gram offset][]. */
  grams4: Map<number, [string, number, number][]>;
  /** Substrings of three, two, one characters by their key. */
  grams3: Map<number, [string, number][]>;
  grams2: Map<number, [string, number][]>;
  grams1: Map<number, [string, number][]>;
  /** When a field has only a few substring literals: checked one by one with `includes` (no per-character scan). */
  few: [string, number][];
  /** Substring literals collected while building, placed by `finish`. */
  pending: [string, number][];
  /** Bit 1, 2, 4, 8: some key of grams4, grams3, grams2, grams1 folds to this 16-bit slot. */
  filter?: Uint8Array;
}

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
}

const GRAM = 4;
/** Prefix and suffix literals are keyed by up to this many characters at their end. */
const END_KEY = 8;
/** Up to this many substring literals in a field, `includes` each beats a per-character scan. */
const FEW = 24;

// Small-integer keys (V8 hashes them fast); collisions only cost an extra string comparison.
function key4(text: string, i: number): number {
  return ((text.charCodeAt(i) << 21) ^ (text.charCodeAt(i + 1) << 14) ^ (text.charCodeAt(i + 2) << 7) ^ text.charCodeAt(i + 3)) & 0x3fffffff;
}
function key3(text: string, i: number): number {
  return ((text.charCodeAt(i) << 16) ^ (text.charCodeAt(i + 1) << 8) ^ text.charCodeAt(i + 2)) & 0x3fffffff;
}
function key2(text: string, i: number): number {
  return ((text.charCodeAt(i) << 16) | text.charCodeAt(i + 1)) & 0x3fffffff;
}

function fold16(key: number): number {
  return (key ^ (key >>> 16)) & 0xffff;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cost(atoms: RuleAtoms[]): number {
  let total = 0;
  for (const { atom } of atoms) {
    if (atom.kind === 'equals') total += 1;
    else if (atom.kind === 'contains') total += atom.text.length >= GRAM ? 3 : 12;
    else total += atom.text.length >= 3 ? 2 : 8;
  }
  return total;
}

function best(options: (RuleAtoms[] | null)[]): RuleAtoms[] | null {
  let chosen: RuleAtoms[] | null = null;
  for (const o of options) if (o && (chosen === null || cost(o) < cost(chosen))) chosen = o;
  return chosen;
}

function union(options: (RuleAtoms[] | null)[]): RuleAtoms[] | null {
  if (options.length === 0 || options.some((o) => o === null)) return null;
  return options.flat() as RuleAtoms[];
}

/** The pseudo-field of keyword atoms: looked up in every string value of the event. */
export const KEYWORDS = '\u0000keywords';

function itemAtoms(item: CompiledItem): RuleAtoms[] | null {
  if (item.negated || item.matchers.length === 0) return null;
  const field = item.field ?? KEYWORDS;
  const per = item.matchers.map((m) =>
    m.atoms && (item.field !== null || m.atoms.every((a) => a.kind === 'contains')) ? m.atoms.map((atom) => ({ field, atom })) : null,
  );
  return item.linking === 'and' ? best(per) : union(per);
}

function searchAtoms(search: CompiledSearch): RuleAtoms[] | null {
  return union(search.alternatives.map((alt) => best(alt.map(itemAtoms))));
}

function expressionAtoms(expr: ConditionExpression, searches: Map<string, CompiledSearch>): RuleAtoms[] | null {
  switch (expr.type) {
    case 'identifier': {
      const search = searches.get(expr.name);
      return search ? searchAtoms(search) : null;
    }
    case 'not':
      return null;
    case 'and':
      return best(expr.operands.map((o) => expressionAtoms(o, searches)));
    case 'or':
      return union(expr.operands.map((o) => expressionAtoms(o, searches)));
    case 'selector': {
      const parts = expr.matches.map((m) => {
        const search = searches.get(m);
        return search ? searchAtoms(search) : null;
      });
      return expr.quantifier === 'one' ? union(parts) : best(parts);
    }
  }
}

/** The literals of which one must occur for the rule to match; null when none can be derived. */
export function requiredAtoms(rule: CompiledRule): RuleAtoms[] | null {
  const searches = new Map(rule.searches.map((s) => [s.name, s]));
  const conditions = rule.rule.detection.conditions;
  return union(conditions.map((c) => (c.expression ? expressionAtoms(c.expression, searches) : null)));
}

export class RuleIndex {
  readonly rules: CompiledRule[];
  private readonly fields = new Map<string, FieldAtoms>();
  /** Event field names to read for each indexed field (the field itself plus logsource renames). */
  private readonly fieldSources = new Map<string, string[]>();
  private readonly atomRules: number[][] = [];
  /** Rules that are candidates whatever the literals (no required-literal set). */
  private readonly alwaysRules: number[] = [];
  /** Atoms that every value satisfies (an empty substring). */
  private readonly emptyAtoms: number[] = [];
  private readonly logsourceFields: string[];
  private readonly gateCache = new Map<string, Uint8Array>();
  private readonly seen: Uint32Array;
  private atomSeen = new Uint32Array(0);
  /** Event field name → the indexed fields it feeds (itself, or the Sigma name a logsource renames it to). */
  private readonly bySource = new Map<string, FieldAtoms[]>();
  private hasDottedFields = false;
  /** Keyword literals, looked up in every string of the event. */
  private keywords: FieldAtoms | undefined;
  private generation = 0;
  private atomCount = 0;

  constructor(rules: CompiledRule[]) {
    this.rules = rules;
    this.seen = new Uint32Array(rules.length);
    const conditionFields = new Set<string>();
    const renames = new Map<string, Set<string>>();
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

    const atomIds = new Map<string, number>();
    rules.forEach((rule, ruleIndex) => {
      const atoms = requiredAtoms(rule);
      if (!atoms) {
        this.alwaysRules.push(ruleIndex);
        return;
      }
      for (const { field, atom } of atoms) {
        const key = `${field}\u0000${atom.kind}\u0000${atom.text}`;
        let id = atomIds.get(key);
        if (id === undefined) {
          id = this.atomCount++;
          atomIds.set(key, id);
          this.atomRules.push([]);
          this.addAtom(field, atom, id);
          if (!this.fieldSources.has(field)) this.fieldSources.set(field, [field, ...(renames.get(field) ?? [])]);
        }
        const list = this.atomRules[id];
        if (list[list.length - 1] !== ruleIndex) list.push(ruleIndex);
      }
    });
    this.atomSeen = new Uint32Array(this.atomCount);
    this.finish();
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
        (f = {
          equals: new Map(),
          prefixes: new Map(),
          suffixes: new Map(),
          prefixLengths: [],
          suffixLengths: [],
          grams4: new Map(),
          grams3: new Map(),
          grams2: new Map(),
          grams1: new Map(),
          few: [],
          pending: [],
        }),
      );
    const text = atom.text;
    switch (atom.kind) {
      case 'equals':
        push(f.equals, text, id);
        break;
      case 'prefix':
      case 'suffix': {
        const length = Math.min(text.length, END_KEY);
        const key = atom.kind === 'prefix' ? text.slice(0, length) : text.slice(text.length - length);
        push(atom.kind === 'prefix' ? f.prefixes : f.suffixes, key, [text, id] as [string, number]);
        const lengths = atom.kind === 'prefix' ? f.prefixLengths : f.suffixLengths;
        if (!lengths.includes(length)) lengths.push(length);
        break;
      }
      case 'contains':
        if (text.length === 0) this.emptyAtoms.push(id);
        else f.pending.push([text, id]);
        break;
    }
  }

  /** Places substring literals: a few per field are checked directly, many go to gram tables keyed by their rarest gram. */
  private finish(): void {
    for (const f of this.fields.values()) {
      const pending = f.pending;
      f.pending = [];
      if (pending.length <= FEW) {
        f.few = pending;
        continue;
      }
      const frequency = new Map<number, number>();
      for (const [text] of pending) for (let i = 0; i + GRAM <= text.length; i++) frequency.set(key4(text, i), (frequency.get(key4(text, i)) ?? 0) + 1);
      for (const [text, id] of pending) {
        if (text.length >= GRAM) {
          let bestOffset = 0;
          let bestCount = Infinity;
          for (let i = 0; i + GRAM <= text.length; i++) {
            const count = frequency.get(key4(text, i))!;
            if (count < bestCount) {
              bestCount = count;
              bestOffset = i;
            }
          }
          push(f.grams4, key4(text, bestOffset), [text, id, bestOffset] as [string, number, number]);
        } else if (text.length === 3) push(f.grams3, key3(text, 0), [text, id] as [string, number]);
        else if (text.length === 2) push(f.grams2, key2(text, 0), [text, id] as [string, number]);
        else push(f.grams1, text.charCodeAt(0), [text, id] as [string, number]);
      }
      const filter = new Uint8Array(1 << 16);
      for (const key of f.grams4.keys()) filter[fold16(key)] |= 1;
      for (const key of f.grams3.keys()) filter[fold16(key)] |= 2;
      for (const key of f.grams2.keys()) filter[fold16(key)] |= 4;
      for (const key of f.grams1.keys()) filter[key & 0xffff] |= 8;
      f.filter = filter;
    }
  }

  stats(): IndexStats {
    return {
      rules: this.rules.length,
      indexedRules: this.rules.length - this.alwaysRules.length,
      atoms: this.atomCount,
      logsourceKeys: this.gateCache.size,
    };
  }

  /** Which rules pass their logsource conditions for this event (memoised per condition-field values). */
  private gate(event: SigmaEvent): Uint8Array {
    let key = '';
    for (const field of this.logsourceFields) {
      const v = event.get(field);
      key += (v === undefined ? '\u0001' : v === null ? '\u0002' : typeof v === 'object' ? JSON.stringify(v) : String(v).toLowerCase()) + '\u0000';
    }
    let gate = this.gateCache.get(key);
    if (!gate) {
      gate = new Uint8Array(this.rules.length);
      this.rules.forEach((rule, i) => {
        gate![i] = !rule.variants || rule.mode === 'off' || rule.variants.some((v) => variantApplies(event, v, rule.mode)) ? 1 : 0;
      });
      if (this.gateCache.size < 10_000) this.gateCache.set(key, gate);
    }
    return gate;
  }

  private lookupValue(f: FieldAtoms, value: string, hit: (atom: number) => void): void {
    const eq = f.equals.get(value);
    if (eq) for (const id of eq) hit(id);
    const n = value.length;
    for (const length of f.prefixLengths) {
      if (n < length) continue;
      const bucket = f.prefixes.get(value.slice(0, length));
      if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (value.startsWith(bucket[b][0])) hit(bucket[b][1]);
    }
    for (const length of f.suffixLengths) {
      if (n < length) continue;
      const bucket = f.suffixes.get(value.slice(n - length));
      if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (value.endsWith(bucket[b][0])) hit(bucket[b][1]);
    }
    for (let k = 0; k < f.few.length; k++) if (value.includes(f.few[k][0])) hit(f.few[k][1]);
    const g4 = f.grams4.size > 0 ? f.grams4 : undefined;
    const g3 = f.grams3.size > 0 ? f.grams3 : undefined;
    const g2 = f.grams2.size > 0 ? f.grams2 : undefined;
    const g1 = f.grams1.size > 0 ? f.grams1 : undefined;
    if (!g4 && !g3 && !g2 && !g1) return;
    // A bitmap per gram table rejects most positions with one typed-array read before any map lookup.
    const filter = f.filter!;
    for (let i = 0; i < n; i++) {
      if (g4 !== undefined && i + 4 <= n) {
        const key = key4(value, i);
        if (filter[fold16(key)] & 1) {
          const bucket = g4.get(key);
          if (bucket !== undefined)
            for (let b = 0; b < bucket.length; b++) {
              const [literal, id, offset] = bucket[b];
              const start = i - offset;
              if (start >= 0 && value.startsWith(literal, start)) hit(id);
            }
        }
      }
      if (g3 !== undefined && i + 3 <= n) {
        const key = key3(value, i);
        if (filter[fold16(key)] & 2) {
          const bucket = g3.get(key);
          if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (value.startsWith(bucket[b][0], i)) hit(bucket[b][1]);
        }
      }
      if (g2 !== undefined && i + 2 <= n) {
        const key = key2(value, i);
        if (filter[fold16(key)] & 4) {
          const bucket = g2.get(key);
          if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) if (value.startsWith(bucket[b][0], i)) hit(bucket[b][1]);
        }
      }
      if (g1 !== undefined) {
        const key = value.charCodeAt(i);
        if (filter[key & 0xffff] & 8) {
          const bucket = g1.get(key);
          if (bucket !== undefined) for (let b = 0; b < bucket.length; b++) hit(bucket[b][1]);
        }
      }
    }
  }

  /** Rules that may match the event, in the order they were given. */
  candidates(input: SigmaEvent | unknown): CompiledRule[] {
    const event = toSigmaEvent(input);
    const gate = this.gate(event);
    const generation = ++this.generation;
    const seen = this.seen;
    const out: number[] = [];
    const take = (ruleIndex: number) => {
      if (seen[ruleIndex] !== generation && gate[ruleIndex]) {
        seen[ruleIndex] = generation;
        out.push(ruleIndex);
      }
    };
    for (const r of this.alwaysRules) take(r);
    const atomRules = this.atomRules;
    const atomSeen = this.atomSeen;
    const hit = (atom: number) => {
      if (atomSeen[atom] === generation) return;
      atomSeen[atom] = generation;
      const rules = atomRules[atom];
      for (let k = 0; k < rules.length; k++) take(rules[k]);
    };
    for (const atom of this.emptyAtoms) hit(atom);
    const visit = (f: FieldAtoms, value: unknown) => {
      if (typeof value === 'string') this.lookupText(f, value, event, hit);
      else if (value !== undefined && value !== null) this.forEachText(value, event, (text) => this.lookupValue(f, text, hit));
    };
    const fields = event.fields;
    if (this.fields.size > 8 && !this.hasDottedFields) {
      // Walk the event's own fields (usually fewer than the indexed ones); renamed fields map back.
      for (const key in fields) {
        const targets = this.bySource.get(key);
        if (targets === undefined) continue;
        const value = fields[key];
        for (let k = 0; k < targets.length; k++) visit(targets[k], value);
      }
    } else {
      for (const [field, sources] of this.fieldSources) {
        const f = this.fields.get(field)!;
        for (const source of sources) visit(f, event.get(source));
      }
    }
    const keywords = this.keywords;
    if (keywords !== undefined) for (const text of event.strings()) this.lookupValue(keywords, event.lower(text), hit);
    out.sort((a, b) => a - b);
    return out.map((i) => this.rules[i]);
  }

  private lookupText(f: FieldAtoms, text: string, event: SigmaEvent, hit: (atom: number) => void): void {
    const lowered = event.lower(text);
    this.lookupValue(f, lowered, hit);
    const n = numberForm(text);
    if (n !== undefined && String(n) !== lowered) this.lookupValue(f, String(n), hit);
  }

  private forEachText(value: unknown, event: SigmaEvent, fn: (text: string) => void): void {
    if (Array.isArray(value)) {
      for (const v of value) this.forEachText(v, event, fn);
      return;
    }
    const text = stringForm(value);
    if (text === undefined) return;
    const lowered = event.lower(text);
    fn(lowered);
    // Numbers in rules are indexed by their canonical text; decimal strings in events are looked up that way too.
    if (typeof value === 'string') {
      const n = numberForm(value);
      if (n !== undefined && String(n) !== lowered) fn(String(n));
    }
  }

  /** The rules that match the event. */
  match(input: SigmaEvent | unknown): CompiledRule[] {
    const event = toSigmaEvent(input);
    const out: CompiledRule[] = [];
    for (const rule of this.candidates(event)) if (rule.matches(event)) out.push(rule);
    return out;
  }
}
