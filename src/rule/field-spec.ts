import { closest, distance } from 'fastest-levenshtein';
import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import { validateCidr } from '../engine/cidr.js';
import { validateSigmaRegex, type RegexFlags } from '../engine/regex.js';
import type { DetectionValue, Modifier } from './model.js';
import { compact } from './compact.js';
import { canonicalModifier, describeKind, MODIFIER_NAMES, modifierInfo, type ValueKind } from './modifiers.js';
import { scalarText, type ScalarValue, type YamlScalar } from './yaml-node.js';

/**
 * Field specs (`Field|mod|mod`): the key of a detection item split into the field name and its
 * modifier chain, each with its span, and the load-time checks of a chain against its values.
 */

export interface FieldSpec {
  /** Field name; null for keyword items (`'|all'`) and an empty field. */
  field: string | null;
  fieldSpan: Span | null;
  modifiers: Modifier[];
}

export interface FieldSpecResult {
  spec: FieldSpec;
  diagnostics: Diagnostic[];
}

/** File offset of character `index` of a scalar's value, when the value is written verbatim in the file. */
export function scalarCharOffset(scalar: YamlScalar, index: number): number | undefined {
  const { source, style, value } = scalar;
  if (typeof value !== 'string') return index <= source.length ? scalar.span.offset + index : undefined;
  if (style === 'plain' && source === value) return scalar.span.offset + index;
  if ((style === 'single' || style === 'double') && source.slice(1, -1) === value) return scalar.span.offset + 1 + index;
  return undefined;
}

function partSpan(source: SourceFile, scalar: YamlScalar, start: number, end: number): Span {
  const from = scalarCharOffset(scalar, start);
  const to = scalarCharOffset(scalar, end);
  if (from === undefined || to === undefined) return scalar.span;
  // A key without modifiers: the field is the whole scalar.
  if (from === scalar.span.offset && to === scalar.span.endOffset) return scalar.span;
  return source.span(from, to);
}

function diag(source: SourceFile, id: string, message: string, span: Span, hint?: string, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const d: Diagnostic = { id, severity, message, file: source.path, span };
  if (hint) d.hint = hint;
  return d;
}

/** Splits a detection key into field and modifiers; unknown and empty modifiers are located errors. */
export function parseFieldSpec(key: YamlScalar, source: SourceFile): FieldSpecResult {
  const text = typeof key.value === 'string' ? key.value : scalarText(key.value);
  const parts = text.split('|');
  const diagnostics: Diagnostic[] = [];
  const fieldText = parts[0];
  const spec: FieldSpec = {
    field: fieldText === '' ? null : fieldText,
    fieldSpan: fieldText === '' ? null : partSpan(source, key, 0, fieldText.length),
    modifiers: [],
  };
  let offset = fieldText.length + 1;
  for (let i = 1; i < parts.length; i++) {
    const name = parts[i];
    const span = partSpan(source, key, offset, offset + name.length);
    offset += name.length + 1;
    if (name === '') {
      diagnostics.push(diag(source, 'modifier/empty', `The key \`${text}\` has an empty modifier (two \`|\` in a row or a trailing \`|\`).`,
        partSpan(source, key, offset - 2, offset - 1), 'Remove the extra `|`.'));
      continue;
    }
    if (!modifierInfo(name)) {
      diagnostics.push(diag(source, 'modifier/unknown', `\`${name}\` is not a Sigma modifier.`, span, suggestModifier(name)));
      continue;
    }
    spec.modifiers.push({ name, span });
  }
  spec.modifiers = compact(spec.modifiers);
  return { spec, diagnostics };
}

function suggestModifier(name: string): string {
  const lower = name.toLowerCase();
  if (modifierInfo(lower)) return `Modifier names are lowercase: did you mean \`${lower}\`?`;
  const best = closest(lower, MODIFIER_NAMES as string[]);
  if (best && distance(lower, best) <= Math.max(1, Math.floor(best.length / 3))) return `Did you mean \`${best}\`?`;
  return `Known modifiers: ${MODIFIER_NAMES.join(', ')}.`;
}

export function valueKind(value: ScalarValue): ValueKind {
  if (value === null) return 'null';
  if (typeof value === 'number') return 'number';
  if (typeof value === 'boolean') return 'boolean';
  return 'string';
}

function show(value: DetectionValue): string {
  return value.node.source.length > 40 ? `${value.node.source.slice(0, 37)}…` : value.node.source;
}

const UNESCAPED_WILDCARD = /(?<!\\)(?:\\\\)*[*?]/;

/**
 * Checks a modifier chain against the item's values: placement (`re` and `cidr` first, regex flags
 * after `re`, `exists` alone), conflicts, the type each modifier needs, and the values themselves
 * (regular expressions, networks, wildcards where none are allowed, ranges).
 */
export function checkModifierChain(spec: FieldSpec, values: DetectionValue[], key: YamlScalar | null, source: SourceFile): Diagnostic[] {
  const mods = spec.modifiers;
  // Without modifiers there is no chain to check and no value a modifier constrains.
  if (mods.length === 0) return [];
  const out: Diagnostic[] = [];
  const names = mods.map((mod) => canonicalModifier(mod.name));
  const keyLabel = () => (key ? `\`${key.source.replace(/^['"]|['"]$/g, '')}\`` : 'this item');

  // Placement and conflicts: facts about the chain alone.
  const seen = new Set<string>();
  const misplaced = new Set<Modifier>();
  for (let i = 0; i < mods.length; i++) {
    const mod = mods[i];
    const info = modifierInfo(mod.name)!;
    const errorsBefore = out.length;
    // As in pySigma, even `all` or `neq` before `re`/`cidr` is refused: they read the value unmodified.
    if (info.first && i > 0) {
      const others = mods.filter((other) => other !== mod).map((other) => other.name);
      out.push(diag(source, 'modifier/must-be-first',
        `\`${mod.name}\` must come first in the modifier chain; here it follows \`${mods[i - 1].name}\`.`,
        mod.span, `Write \`${[spec.field ?? '', mod.name, ...others].join('|')}\`, or drop the modifiers that cannot apply.`));
    }
    if (info.after && !names.slice(0, i).includes(info.after)) {
      out.push(diag(source, 'modifier/misplaced', `\`${mod.name}\` is a flag of \`${info.after}\` and is only valid after it.`, mod.span));
    }
    if (info.alone && mods.length > 1) {
      out.push(diag(source, 'modifier/not-alone', `\`${mod.name}\` cannot be combined with other modifiers.`, mod.span));
    }
    if (info.needsField && spec.field === null) {
      out.push(diag(source, 'modifier/needs-field', `\`${mod.name}\` needs a field name before it.`, mod.span));
    }
    for (const other of info.conflicts ?? []) {
      const j = names.indexOf(other);
      if (j >= 0 && j < i) {
        out.push(diag(source, 'modifier/conflict', `\`${mod.name}\` and \`${mods[j].name}\` cannot be used together.`, mod.span,
          other === 're' || mod.name === 're' ? 'Regular expressions are case-sensitive by default; add `|i` after `re` to ignore case.' : undefined));
      }
    }
    if (out.length > errorsBefore) misplaced.add(mod);
    const canonical = names[i];
    if (seen.has(canonical) && canonical !== 'base64') {
      out.push(diag(source, 'modifier/duplicate', `\`${mod.name}\` appears twice in the modifier chain.`, mod.span, 'Remove the repeated modifier.', 'warning'));
    }
    seen.add(canonical);
  }

  // Type flow, once per value; each (modifier, input kind) mismatch is reported once per item.
  const reported = new Set<string>();
  for (const value of values) {
    let kind = valueKind(value.value);
    let producer: Modifier | null = null;
    for (const mod of mods) {
      const info = modifierInfo(mod.name)!;
      // A misplaced modifier is already reported; its type complaint would only repeat it.
      if (misplaced.has(mod)) break;
      if (info.accepts !== 'any' && !info.accepts.includes(kind)) {
        const tag = `${mod.name}:${kind}`;
        if (!reported.has(tag)) {
          reported.add(tag);
          const needs = info.accepts.map(describeKind).join(' or ');
          if (producer) {
            out.push(diag(source, 'modifier/type-mismatch',
              `\`${mod.name}\` cannot follow \`${producer.name}\`: it needs ${needs}, and \`${producer.name}\` produces ${describeKind(kind)}.`, mod.span));
          } else {
            out.push(diag(source, 'modifier/type-mismatch',
              `\`${mod.name}\` needs ${needs}, but ${keyLabel()} has ${describeKind(kind)} value \`${show(value)}\`.`, value.span,
              typeHint(mod.name, kind)));
          }
        }
        break;
      }
      if (info.produces !== 'same') {
        kind = info.produces;
        producer = mod;
      }
    }
  }

  checkValues(spec, names, values, out, source, keyLabel);
  return out;
}

function typeHint(modifier: string, kind: ValueKind): string | undefined {
  const info = modifierInfo(modifier)!;
  if (kind === 'string' && info.accepts !== 'any' && info.accepts.includes('number')) return 'Write the number without quotes.';
  if (kind === 'string' && info.accepts !== 'any' && info.accepts.includes('boolean')) return 'Write `true` or `false` without quotes.';
  if (kind === 'number' && info.accepts !== 'any' && info.accepts.includes('string')) return 'Quote the value to match it as text.';
  return undefined;
}

function checkValues(spec: FieldSpec, names: string[], values: DetectionValue[], out: Diagnostic[], source: SourceFile, keyLabel: () => string): void {
  const has = (name: string) => names.includes(name);
  const mod = (name: string) => spec.modifiers[names.indexOf(name)];

  if (has('all') && values.length < 2) {
    out.push(diag(source, 'modifier/all-single-value', `\`all\` needs a list of at least two values; ${keyLabel()} has ${values.length === 1 ? 'one' : 'none'}.`,
      mod('all').span, 'Remove `|all`, or list the values that must all match.'));
  }
  if (has('base64offset') && !has('contains')) {
    out.push(diag(source, 'modifier/base64offset-without-contains',
      '`base64offset` gives fragments of an encoding that only make sense inside a longer value; it needs `contains`.',
      mod('base64offset').span, 'Write `|base64offset|contains`.'));
  }
  if (has('exists') && values.length !== 1) {
    out.push(diag(source, 'modifier/exists-value', '`exists` takes exactly one value, `true` or `false`.', mod('exists').span));
  }

  const wildcardFree = spec.modifiers.filter((m) => modifierInfo(m.name)!.noWildcards);
  const regexFlags: RegexFlags = { ignoreCase: has('i'), multiline: has('m'), dotAll: has('s') };
  const timePart = spec.modifiers.find((m) => modifierInfo(m.name)!.range && !names.slice(names.indexOf(canonicalModifier(m.name)) + 1).some((n) => modifierInfo(n)!.category === 'compare'));
  for (const value of values) {
    if (typeof value.value !== 'string') {
      if (timePart && typeof value.value === 'number') {
        const [lo, hi] = modifierInfo(timePart.name)!.range!;
        if (value.value < lo || value.value > hi || !Number.isInteger(value.value)) {
          out.push(diag(source, 'modifier/out-of-range', `\`${timePart.name}\` values run from ${lo} to ${hi}; found \`${show(value)}\`.`, value.span));
        }
      }
      continue;
    }
    const text = value.value;
    if (wildcardFree.length > 0 && !has('re') && UNESCAPED_WILDCARD.test(text)) {
      const m = wildcardFree[0];
      out.push(diag(source, 'modifier/wildcard-not-allowed', `\`${m.name}\` takes a literal value; \`${show(value)}\` has a wildcard.`, value.span,
        'Escape a literal `*` or `?` with a backslash, or drop the modifier.'));
    }
    if (has('re') && names[0] === 're') {
      const error = regexProblem(text, regexFlags);
      if (error) {
        const at = error.offset === undefined ? undefined : scalarCharOffset(value.node, error.offset);
        const span = at === undefined ? value.span : source.span(at, Math.min(at + 1, value.span.endOffset));
        const unsupported = /cannot run|not supported/i.test(error.message);
        out.push(diag(source, unsupported ? 'modifier/unsupported-regex' : 'modifier/invalid-regex',
          unsupported ? `This regular expression cannot be evaluated here: ${lowerFirst(error.message)}` : error.message, span,
          unsupported ? 'rulecheck runs regular expressions on a linear-time engine; many SIEM backends have the same limit.' : undefined,
          unsupported ? 'warning' : 'error'));
      }
    }
    if (has('cidr') && names[0] === 'cidr') {
      const error = validateCidr(text);
      if (error) out.push(diag(source, 'modifier/invalid-cidr', error.message, value.span));
    }
  }
}

/** Compiling a regex for validation costs about a millisecond; rules often repeat the same pattern. */
const regexProblems = new Map<string, ReturnType<typeof validateSigmaRegex>>();

function regexProblem(pattern: string, flags: RegexFlags): ReturnType<typeof validateSigmaRegex> {
  const key = `${flags.ignoreCase ? 'i' : ''}${flags.multiline ? 'm' : ''}${flags.dotAll ? 's' : ''}/${pattern}`;
  if (regexProblems.has(key)) return regexProblems.get(key);
  const problem = validateSigmaRegex(pattern, flags);
  if (regexProblems.size > 10_000) regexProblems.clear();
  regexProblems.set(key, problem);
  return problem;
}

function lowerFirst(text: string): string {
  return text.length > 0 ? text[0].toLowerCase() + text.slice(1) : text;
}
