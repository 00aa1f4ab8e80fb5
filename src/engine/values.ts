import { scalarText, utcDay, type ScalarValue } from '../rule/yaml-node.js';
import { parseCidr } from './cidr.js';
import { base64, base64Offsets, UTF16LE_BOM, utf16Bytes, windashPositions, windashVariants, WINDASH_CHARACTERS } from './encodings.js';
import type { SigmaEvent } from './event.js';
import { compileSigmaRegex, requiredRegexLiteral, type RegexAnchor, type RegexFlags } from './regex.js';
import {
  addWildcards,
  compileStringMatcher,
  hasWildcards,
  mapText,
  parseSigmaString,
  sigmaStringToPlain,
  type SigmaString,
  type StringMatcher,
} from './sigma-string.js';
import { timestampPart, type TimestampPart } from './timestamp.js';

/**
 * Detection values through their modifier chain, left to right (as pySigma applies them), ending in
 * value matchers: one test per value that takes the field's value from the event.
 */

/** Values for `expand` placeholders (`%name%`): a scalar or a list (several values are OR-ed, or AND-ed under `all`). */
export type PlaceholderValues = Record<string, string | number | readonly (string | number)[]>;

export interface ValueOptions {
  vars?: PlaceholderValues;
}

/** Field lookups of one evaluation (the logsource may map Sigma names to the event's names). */
export interface EvalContext {
  event: SigmaEvent;
  get(field: string): unknown;
}

/** A literal the value needs in the field, used by the rule index to skip rules. Lowercase. */
export interface IndexAtom {
  kind: 'equals' | 'prefix' | 'suffix' | 'contains';
  text: string;
}

export interface ValueMatcher {
  /** How the value reads after its modifiers, for traces (`*\\cmd.exe`, `re:^a`, `>= 5`). */
  label: string;
  /** Tests the field's value (undefined when absent). Arrays match when any element does. */
  test(value: unknown, ctx: EvalContext): boolean;
  /** Literals of which one must occur for a match (OR); undefined when the value cannot be indexed. */
  atoms?: IndexAtom[];
  /** For a case-insensitive plain substring (`*text*`): the lowercased text, so keywords can search a joined haystack. */
  substring?: string;
  /** When the value is an OR of case-insensitive single-literal tests: their kinds and lowercased literals (items merge long OR lists). */
  simple?: { kind: 'equals' | 'prefix' | 'suffix' | 'contains'; text: string }[];
}

export class ValueError extends Error {}

type Pending =
  | { kind: 'string'; s: SigmaString; raw: string; cased: boolean; bytes: boolean }
  | { kind: 'number'; n: number }
  | { kind: 'boolean'; b: boolean }
  | { kind: 'null' }
  | { kind: 'regex'; pattern: string; flags: RegexFlags; anchor: RegexAnchor }
  | { kind: 'cidr'; text: string }
  | { kind: 'fieldref'; name: string; start: boolean; end: boolean }
  | { kind: 'exists'; b: boolean }
  | { kind: 'compare'; op: 'gt' | 'gte' | 'lt' | 'lte'; n: number; part?: TimestampPart }
  | { kind: 'timepart'; part: TimestampPart; n: number }
  /** Alternatives from one value (windash, base64offset): OR-ed even under `all`. */
  | { kind: 'expansion'; items: Pending[] }
  /** Values spliced into the item's list (`expand` with a list variable): follow the item's linking. */
  | { kind: 'splice'; items: Pending[] };

const REGEX_FLAG: Record<string, keyof RegexFlags> = {
  i: 'ignoreCase',
  ignorecase: 'ignoreCase',
  m: 'multiline',
  multiline: 'multiline',
  s: 'dotAll',
  dotall: 'dotAll',
};

const TIME_PARTS = new Set(['minute', 'hour', 'day', 'week', 'month', 'year']);

function describe(p: Pending): string {
  return p.kind === 'string' ? 'a string' : p.kind === 'number' ? 'a number' : p.kind === 'boolean' ? 'a boolean' : `a ${p.kind} value`;
}

function mapPending(p: Pending, fn: (p: Pending) => Pending): Pending {
  if (p.kind === 'expansion' || p.kind === 'splice') return { kind: p.kind, items: p.items.map((i) => mapPending(i, fn)) };
  return fn(p);
}

function initial(value: ScalarValue, placeholders: boolean): Pending {
  if (value === null) return { kind: 'null' };
  if (typeof value === 'boolean') return { kind: 'boolean', b: value };
  if (typeof value === 'number') return { kind: 'number', n: value };
  const raw = value instanceof Date ? utcDay(value) : value;
  return { kind: 'string', s: parseSigmaString(raw, { placeholders }), raw, cased: false, bytes: false };
}

/** Numbers given to string modifiers are read as their decimal text (pySigma rejects them at load time). */
function asString(p: Pending): Pending {
  if (p.kind === 'number' || p.kind === 'boolean') {
    const raw = String(p.kind === 'number' ? p.n : p.b);
    return { kind: 'string', s: parseSigmaString(raw), raw, cased: false, bytes: false };
  }
  return p;
}

/** A placeholder's value, from the configuration's own keys only (`%constructor%` is not Object's). */
function placeholderValue(vars: PlaceholderValues | undefined, name: string): PlaceholderValues[string] | undefined {
  return vars !== undefined && Object.hasOwn(vars, name) ? vars[name] : undefined;
}

function resolvePlaceholders(s: SigmaString, vars: PlaceholderValues | undefined): SigmaString[] {
  let results: SigmaString[] = [{ parts: [] }];
  for (const part of s.parts) {
    if (part.kind !== 'placeholder') {
      results = results.map((r) => ({ parts: [...r.parts, part] }));
      continue;
    }
    const value = placeholderValue(vars, part.name);
    if (value === undefined)
      throw new ValueError(`The placeholder \`%${part.name}%\` has no value; define it under \`placeholders\` in the configuration file.`);
    const list = Array.isArray(value) ? value : [value];
    const next: SigmaString[] = [];
    for (const r of results) for (const v of list) next.push({ parts: [...r.parts, ...parseSigmaString(String(v)).parts] });
    results = next;
  }
  // Merge adjacent text parts produced by splicing.
  return results.map((r) => mapText(r, (t) => t));
}

function resolveRegexPlaceholders(pattern: string, vars: PlaceholderValues | undefined): string[] {
  let results = [''];
  let last = 0;
  for (const m of pattern.matchAll(/(?<!\\)%([^%]+)%/g)) {
    const before = pattern.slice(last, m.index);
    const value = placeholderValue(vars, m[1]);
    if (value === undefined)
      throw new ValueError(`The placeholder \`%${m[1]}%\` has no value; define it under \`placeholders\` in the configuration file.`);
    const list = (Array.isArray(value) ? value : [value]).map(String);
    results = results.flatMap((r) => list.map((v) => r + before + v));
    last = m.index! + m[0].length;
  }
  return results.map((r) => r + pattern.slice(last));
}

function applyModifier(p: Pending, name: string, options: ValueOptions): Pending {
  if (p.kind === 'expansion' || p.kind === 'splice') return mapPending(p, (q) => applyModifier(q, name, options));
  switch (name) {
    case 'all':
    case 'neq':
      return p;
    case 'contains':
    case 'startswith':
    case 'endswith': {
      const start = name !== 'startswith';
      const end = name !== 'endswith';
      const q = asString(p);
      if (q.kind === 'string') return { ...q, s: addWildcards(q.s, start, end) };
      if (q.kind === 'regex') {
        // Search semantics: `contains` leaves the regex unanchored, `startswith` anchors it at the start,
        // `endswith` at the end (pySigma adds `.*` on the open sides for full-match backends).
        const anchor: RegexAnchor = name === 'contains' ? 'none' : name === 'startswith' ? 'start' : 'end';
        return { ...q, anchor };
      }
      if (q.kind === 'fieldref') return { ...q, start: q.start || start, end: q.end || end };
      throw new ValueError(`\`${name}\` cannot apply to ${describe(q)}.`);
    }
    case 'cased':
      if (p.kind !== 'string') throw new ValueError(`\`cased\` cannot apply to ${describe(p)}.`);
      return { ...p, cased: true };
    case 'windash': {
      const q = asString(p);
      if (q.kind !== 'string') throw new ValueError(`\`windash\` cannot apply to ${describe(q)}.`);
      const count = windashPositions(q.s).length;
      if (count === 0) return q;
      if (count > 4) return { kind: 'expansion', items: [windashRegex(q)] };
      return { kind: 'expansion', items: windashVariants(q.s).map((s) => ({ ...q, s })) };
    }
    case 'base64':
    case 'base64offset': {
      const q = asString(p);
      if (q.kind !== 'string') throw new ValueError(`\`${name}\` cannot apply to ${describe(q)}.`);
      if (hasWildcards(q.s)) throw new ValueError(`\`${name}\` cannot encode a value with wildcards; escape \`*\` and \`?\` as \`\\*\`, \`\\?\`.`);
      const text = sigmaStringToPlain(q.s);
      const encoded = name === 'base64' ? [base64(text, q.bytes)] : base64Offsets(text, q.bytes);
      const items: Pending[] = encoded.map((e) => ({ kind: 'string', s: { parts: e ? [{ kind: 'text', text: e }] : [] }, raw: e, cased: q.cased, bytes: false }));
      return items.length === 1 ? items[0] : { kind: 'expansion', items };
    }
    case 'wide':
    case 'utf16le':
    case 'utf16be':
    case 'utf16': {
      const q = asString(p);
      if (q.kind !== 'string') throw new ValueError(`\`${name}\` cannot apply to ${describe(q)}.`);
      const endian = name === 'utf16be' ? 'be' : 'le';
      let s = mapText(q.s, (t) => utf16Bytes(t, endian));
      if (name === 'utf16') s = { parts: [{ kind: 'text', text: UTF16LE_BOM }, ...s.parts] };
      s = mapText(s, (t) => t);
      return { ...q, s, bytes: true };
    }
    case 're':
      if (p.kind !== 'string') throw new ValueError(`\`re\` needs a string value, not ${describe(p)}.`);
      return { kind: 'regex', pattern: p.raw, flags: {}, anchor: 'none' };
    case 'i':
    case 'ignorecase':
    case 'm':
    case 'multiline':
    case 's':
    case 'dotall':
      if (p.kind !== 'regex') throw new ValueError(`\`${name}\` is a flag of \`re\` and must follow it.`);
      return { ...p, flags: { ...p.flags, [REGEX_FLAG[name]]: true } };
    case 'cidr':
      if (p.kind !== 'string') throw new ValueError(`\`cidr\` needs a string value, not ${describe(p)}.`);
      return { kind: 'cidr', text: p.raw };
    case 'expand': {
      if (p.kind === 'regex') {
        const patterns = resolveRegexPlaceholders(p.pattern, options.vars);
        const items: Pending[] = patterns.map((pattern) => ({ ...p, pattern }));
        return items.length === 1 ? items[0] : { kind: 'splice', items };
      }
      if (p.kind !== 'string') throw new ValueError(`\`expand\` cannot apply to ${describe(p)}.`);
      const resolved = resolvePlaceholders(p.s, options.vars);
      const items: Pending[] = resolved.map((s) => ({ ...p, s }));
      return items.length === 1 ? items[0] : { kind: 'splice', items };
    }
    case 'fieldref':
      if (p.kind !== 'string') throw new ValueError(`\`fieldref\` needs a field name, not ${describe(p)}.`);
      return { kind: 'fieldref', name: p.raw, start: false, end: false };
    case 'exists':
      if (p.kind !== 'boolean') throw new ValueError('`exists` needs `true` or `false`.');
      return { kind: 'exists', b: p.b };
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      if (p.kind === 'number') return { kind: 'compare', op: name, n: p.n };
      if (p.kind === 'timepart') return { kind: 'compare', op: name, n: p.n, part: p.part };
      throw new ValueError(`\`${name}\` needs a number, not ${describe(p)}.`);
    default:
      if (TIME_PARTS.has(name)) {
        if (p.kind !== 'number') throw new ValueError(`\`${name}\` needs a number, not ${describe(p)}.`);
        return { kind: 'timepart', part: name as TimestampPart, n: p.n };
      }
      throw new ValueError(`Unknown modifier \`${name}\`.`);
  }
}

/** windash with many dashes: one linear-time regex instead of 5^n strings. */
function windashRegex(q: Extract<Pending, { kind: 'string' }>): Pending {
  const positions = new Set(windashPositions(q.s).map(([part, offset]) => `${part}:${offset}`));
  const dash = `[${WINDASH_CHARACTERS.map((c) => (c === '-' || c === '/' ? '\\' + c : c)).join('')}]`;
  let source = '';
  q.s.parts.forEach((p, part) => {
    if (p.kind === 'text') {
      for (let offset = 0; offset < p.text.length; offset++) {
        const ch = p.text[offset];
        source += positions.has(`${part}:${offset}`) ? dash : ch.replace(/[\\^$.|?*+()[\]{}]/g, '\\$&');
      }
    } else if (p.kind === 'wildcard') source += p.wildcard === '*' ? '.*' : '.';
  });
  return { kind: 'regex', pattern: source, flags: { ignoreCase: !q.cased, dotAll: true }, anchor: 'both' };
}

// ---------------------------------------------------------------------------------------------------
// Matchers

/** Text form of a scalar event value for string comparison. */
export function stringForm(v: unknown): string | undefined {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'bigint') return v.toString();
  return undefined;
}

const DECIMAL = /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/;

/** Numeric form: numbers, and strings holding a decimal number. */
export function numberForm(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'string') {
    // Cheap rejection before the regex: a decimal starts with a digit, sign, dot or space.
    const c = v.charCodeAt(0);
    if (!((c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 32 || c === 9)) return undefined;
    return DECIMAL.test(v) ? Number(v) : undefined;
  }
  if (typeof v === 'bigint') return Number(v);
  return undefined;
}

function some(value: unknown, fn: (v: unknown) => boolean): boolean {
  if (Array.isArray(value)) {
    for (const element of value) if (Array.isArray(element) ? some(element, fn) : fn(element)) return true;
    return false;
  }
  return fn(value);
}

function stringAtoms(m: StringMatcher, s: SigmaString): IndexAtom[] | undefined {
  // Lowercase atoms stay a necessary condition for cased values too (the index compares lowercased text).
  const parts = s.parts;
  const texts = parts.filter((p) => p.kind === 'text').map((p) => (p as { text: string }).text.toLowerCase());
  switch (m.kind) {
    case 'equals':
      return [{ kind: 'equals', text: texts[0] ?? '' }];
    case 'prefix':
    case 'prefix-suffix':
      return texts[0] !== undefined && parts[0].kind === 'text' ? [{ kind: 'prefix', text: texts[0] }] : undefined;
    case 'suffix':
      return [{ kind: 'suffix', text: texts[texts.length - 1] }];
    case 'contains':
    case 'segments':
    case 'glob': {
      const longest = texts.reduce((a, b) => (b.length > a.length ? b : a), '');
      return longest ? [{ kind: 'contains', text: longest }] : undefined;
    }
    default:
      return undefined;
  }
}

/** A string value's matcher: an object with a `test` method, not closures (rules hold tens of thousands). */
class StringValueMatcher implements ValueMatcher {
  readonly atoms: IndexAtom[] | undefined;
  readonly substring?: string;
  readonly simple?: { kind: 'equals' | 'prefix' | 'suffix' | 'contains'; text: string }[];

  constructor(
    readonly label: string,
    private readonly m: StringMatcher,
    s: SigmaString,
  ) {
    const atoms = stringAtoms(m, s);
    this.atoms = atoms;
    const substring = m.kind === 'contains' && !m.cased ? atoms?.[0]?.text : undefined;
    if (substring !== undefined && !substring.includes('\u0000')) this.substring = substring;
    const kind = m.kind === 'equals' || m.kind === 'prefix' || m.kind === 'suffix' || m.kind === 'contains' ? m.kind : undefined;
    // The same one-literal list serves the index and the item tests when they agree.
    if (kind && !m.cased && atoms?.length === 1) this.simple = atoms[0].kind === kind ? atoms : [{ kind, text: atoms[0].text }];
  }

  test(value: unknown, ctx: EvalContext): boolean {
    const m = this.m;
    if (typeof value === 'string') return m.test(m.cased ? value : ctx.event.lower(value));
    if (value === undefined || value === null) return false;
    if (typeof value !== 'object') {
      const s = stringForm(value);
      return s !== undefined && m.test(m.cased ? s : s.toLowerCase());
    }
    return some(value, (v) => {
      const s = stringForm(v);
      return s !== undefined && m.test(m.cased ? s : ctx.event.lower(s));
    });
  }
}

function compareNumbers(op: 'gt' | 'gte' | 'lt' | 'lte', a: number, b: number): boolean {
  switch (op) {
    case 'gt':
      return a > b;
    case 'gte':
      return a >= b;
    case 'lt':
      return a < b;
    case 'lte':
      return a <= b;
  }
}

const OP_TEXT = { gt: '>', gte: '>=', lt: '<', lte: '<=' } as const;

function fieldrefEquals(v: unknown, o: unknown, start: boolean, end: boolean, ctx: EvalContext): boolean {
  if (!start && !end && typeof v !== typeof o) {
    const a = numberForm(v);
    const b = numberForm(o);
    if (a !== undefined && b !== undefined) return a === b;
  }
  const vs = stringForm(v);
  const os = stringForm(o);
  if (vs === undefined || os === undefined) return false;
  const a = ctx.event.lower(vs);
  const b = ctx.event.lower(os);
  if (start && end) return a.includes(b);
  if (end) return a.startsWith(b); // `startswith`: wildcard after
  if (start) return a.endsWith(b);
  return a === b;
}

function toMatcher(p: Pending, label: string): ValueMatcher {
  switch (p.kind) {
    case 'string':
      return new StringValueMatcher(label, compileStringMatcher(p.s, p.cased), p.s);
    case 'number': {
      const n = p.n;
      return {
        label,
        test: (value) => (typeof value === 'number' ? value === n : typeof value === 'string' ? numberForm(value) === n : some(value, (v) => numberForm(v) === n)),
        atoms: [{ kind: 'equals', text: String(n) }],
      };
    }
    case 'boolean': {
      const b = p.b;
      const text = b ? 'true' : 'false';
      return {
        label,
        test: (value) => some(value, (v) => v === b || (typeof v === 'string' && v.toLowerCase() === text)),
        atoms: [{ kind: 'equals', text }],
      };
    }
    case 'null':
      return { label: 'null', test: (value) => value === undefined || value === null };
    case 'exists': {
      const b = p.b;
      return { label: b ? 'exists' : 'absent', test: (value) => (value !== undefined) === b };
    }
    case 'regex': {
      const compiled = compileSigmaRegex(p.pattern, p.flags, p.anchor);
      if (!compiled.ok) throw new ValueError(compiled.error.message);
      const re = compiled.regex;
      const literal = requiredRegexLiteral(p.pattern);
      return {
        label,
        test: (value) =>
          typeof value === 'string'
            ? re.test(value)
            : some(value, (v) => {
                const s = stringForm(v);
                return s !== undefined && re.test(s);
              }),
        ...(literal ? { atoms: [{ kind: 'contains', text: literal.toLowerCase() }] } : {}),
      };
    }
    case 'cidr': {
      const parsed = parseCidr(p.text);
      if (!parsed.ok) throw new ValueError(parsed.error.message);
      const network = parsed.network;
      return { label, test: (value) => some(value, (v) => typeof v === 'string' && network.contains(v)) };
    }
    case 'fieldref': {
      const { name, start, end } = p;
      return {
        label,
        test: (value, ctx) => {
          const other = ctx.get(name);
          if (other === undefined) return false;
          if (typeof value === 'string' && typeof other === 'string') return fieldrefEquals(value, other, start, end, ctx);
          return some(value, (v) => some(other, (o) => fieldrefEquals(v, o, start, end, ctx)));
        },
      };
    }
    case 'compare': {
      const { op, n, part } = p;
      return {
        label,
        test: (value) =>
          some(value, (v) => {
            const x = part ? timestampPart(v, part) : numberForm(v);
            return x !== undefined && compareNumbers(op, x, n);
          }),
      };
    }
    case 'timepart': {
      const { part, n } = p;
      return { label, test: (value) => some(value, (v) => timestampPart(v, part) === n) };
    }
    case 'expansion': {
      const members = p.items.map((item) => toMatcher(item, label));
      const atoms = members.every((m) => m.atoms) ? members.flatMap((m) => m.atoms!) : undefined;
      const simple = members.every((m) => m.simple) ? members.flatMap((m) => m.simple!) : undefined;
      return {
        label,
        test: (value, ctx) => {
          for (const m of members) if (m.test(value, ctx)) return true;
          return false;
        },
        atoms,
        ...(simple ? { simple } : {}),
      };
    }
    case 'splice':
      throw new ValueError('Internal: a spliced value reached the matcher.');
  }
}

function labelOf(p: Pending, fallback: string): string {
  switch (p.kind) {
    case 'string':
      return sigmaStringToPlain(p.s) + (p.cased ? ' (cased)' : '');
    case 'regex': {
      const flags = (p.flags.ignoreCase ? 'i' : '') + (p.flags.multiline ? 'm' : '') + (p.flags.dotAll ? 's' : '');
      return `/${p.pattern}/${flags}${p.anchor === 'none' ? '' : ` (anchored ${p.anchor})`}`;
    }
    case 'cidr':
      return `in ${p.text}`;
    case 'fieldref':
      return `field ${p.name}${p.start && p.end ? ' (contains)' : p.end ? ' (startswith)' : p.start ? ' (endswith)' : ''}`;
    case 'compare':
      return `${p.part ? p.part + ' ' : ''}${OP_TEXT[p.op]} ${p.n}`;
    case 'timepart':
      return `${p.part} = ${p.n}`;
    case 'expansion':
      return p.items.length <= 6 ? p.items.map((i) => labelOf(i, fallback)).join(' | ') : `${fallback} (${p.items.length} variants)`;
    default:
      return fallback;
  }
}

/** One rule value through its modifiers → one or more matchers (several only when `expand` splices a list). */
export function compileValue(value: ScalarValue, modifiers: readonly string[], options: ValueOptions = {}, keyword = false): ValueMatcher[] {
  const placeholders = modifiers.includes('expand');
  let p = initial(value, placeholders);
  for (const name of modifiers) p = applyModifier(p, name, options);
  // Keywords search inside the event's strings: a substring match (checklist §3.1).
  if (keyword) p = mapPending(p, (q) => (q.kind === 'string' || q.kind === 'number' || q.kind === 'boolean' ? applyModifier(asString(q), 'contains', options) : q));
  const written = value === null ? 'null' : scalarText(value);
  const items = p.kind === 'splice' ? p.items : [p];
  return items.map((item) => toMatcher(item, labelOf(item, written)));
}
