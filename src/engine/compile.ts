import type { Span } from '../core/diagnostic.js';
import type { DetectionItem, DetectionRule, FilterRule } from '../rule/model.js';
import { evaluateCondition } from '../condition/evaluate.js';
import { compileCondition, ConditionError, type SearchTest } from './condition.js';
import { SigmaEvent, toSigmaEvent } from './event.js';
import {
  BUILTIN_LOGSOURCES,
  checkCondition,
  logsourceVariants,
  renames,
  variantApplies,
  type LogsourceConfig,
  type LogsourceMode,
  type LogsourceVariant,
} from './logsource.js';
import type { AlternativeTrace, ItemTrace, LogsourceTrace, MatchTrace, SearchTrace } from './trace.js';
import { generateDetection, type Test } from './generate.js';
import { anyOfLiterals, type Literal } from './literal-set.js';
import { compileValue, ValueError, type EvalContext, type PlaceholderValues, type ValueMatcher } from './values.js';

/**
 * Rules compiled once into matchers: per item, the field to read and the value matchers with their
 * literals already folded; per rule, the condition as closures and the logsource variants.
 */

export interface CompileOptions {
  /** Values of `%name%` placeholders (`expand`); an unresolved placeholder makes the rule fail to compile. */
  vars?: PlaceholderValues;
  /** How logsource conditions apply (default: `default`). */
  logsourceMode?: LogsourceMode;
  /** Logsource definitions (default: the built-in ones). */
  logsources?: LogsourceConfig;
  /**
   * After this many evaluations a rule switches to one generated function (default 8; 0 at once). Rules
   * evaluated only a few times, as in most test runs, do not pay for generating code.
   */
  generateAfter?: number;
}

export interface CompileProblem {
  message: string;
  span: Span;
}

/** Thrown by `compileRule` when a rule cannot be evaluated; `problems` locate each reason. */
export class RuleCompileError extends Error {
  constructor(readonly problems: CompileProblem[]) {
    super(problems.map((p) => p.message).join(' '));
    this.name = 'RuleCompileError';
  }
}

export interface CompiledItem {
  item: DetectionItem;
  field: string | null;
  matchers: ValueMatcher[];
  linking: 'or' | 'and';
  negated: boolean;
  /** Per value, the plain case-insensitive literals of which one must hold; undefined when some value is not one. */
  literals: Literal[][] | undefined;
  test(ctx: EvalContext): boolean;
}

export interface CompiledSearch {
  name: string;
  alternatives: CompiledItem[][];
  test(ctx: EvalContext): boolean;
}

export interface CompiledRule {
  rule: DetectionRule | FilterRule;
  searches: CompiledSearch[];
  /** Logsource variants; undefined when the logsource has no known conditions. */
  variants: LogsourceVariant[] | undefined;
  /** The variants grouped by field renames (one detection evaluation per group); undefined when none apply. */
  logsourceGroups: readonly LogsourceGroup[] | undefined;
  mode: LogsourceMode;
  matches(event: SigmaEvent | unknown): boolean;
  explain(event: SigmaEvent | unknown): MatchTrace;
}

/** Reads fields through a logsource's renames (Sigma name → event name), falling back to the Sigma name. */
class MappedContext implements EvalContext {
  constructor(
    readonly event: SigmaEvent,
    private readonly mappings: Record<string, string>,
  ) {}
  get(field: string): unknown {
    const mapped = this.mappings[field];
    if (mapped !== undefined) {
      const value = this.event.get(mapped);
      if (value !== undefined) return value;
    }
    return this.event.get(field);
  }
}

const NULL_MATCHER: ValueMatcher = { label: 'null', test: (value) => value === undefined || value === null };

function compileItem(item: DetectionItem, options: CompileOptions, problems: CompileProblem[]): CompiledItem {
  const modifiers = item.modifiers.map((m) => m.name);
  const keyword = item.field === null;
  const matchers: ValueMatcher[] = [];
  if (item.values.length === 0) matchers.push(NULL_MATCHER); // `field: []` is a null check, as in pySigma
  for (const value of item.values) {
    try {
      matchers.push(...compileValue(value.value, modifiers, options, keyword));
    } catch (error) {
      if (!(error instanceof ValueError)) throw error;
      problems.push({ message: error.message, span: value.span });
    }
  }
  const { field, linking, negated } = item;
  const count = matchers.length;
  let test: (ctx: EvalContext) => boolean;
  const read = keyword ? (ctx: EvalContext) => ctx.event.strings() : (ctx: EvalContext) => ctx.get(field!);
  const substrings = keyword && count > 0 && matchers.every((m) => m.substring !== undefined) ? matchers.map((m) => m.substring!) : undefined;
  if (substrings) {
    // Keywords that are plain substrings: one search in the event's joined, lowercased strings.
    if (linking === 'and')
      test = (ctx) => {
        const haystack = ctx.event.haystack();
        for (let i = 0; i < count; i++) if (!haystack.includes(substrings[i])) return false;
        return true;
      };
    else {
      const any = anyOfLiterals(substrings.map((text) => ({ kind: 'contains', text })));
      test = (ctx) => any(ctx.event.haystack());
    }
  } else if (!keyword && linking === 'or' && matchers.every((m) => m.simple !== undefined) && matchers.reduce((n, m) => n + m.simple!.length, 0) >= 6) {
    // A long OR list of plain literals: sets by kind (and by length for prefixes and suffixes) instead of one test per value.
    const any = anyOfLiterals(matchers.flatMap((m) => m.simple!));
    test = (ctx) => {
      const value = read(ctx);
      if (typeof value === 'string') return any(ctx.event.lower(value));
      for (let i = 0; i < count; i++) if (matchers[i].test(value, ctx)) return true;
      return false;
    };
  } else if (count === 1) {
    const only = matchers[0];
    test = (ctx) => only.test(read(ctx), ctx);
  } else if (!keyword && linking === 'and' && matchers.every((m) => m.simple !== undefined && m.simple.length >= 4)) {
    // `all` over expanded values (windash, base64offset): each value's variants as one set test.
    const each = matchers.map((m) => anyOfLiterals(m.simple!));
    test = (ctx) => {
      const value = read(ctx);
      if (typeof value === 'string') {
        const lowered = ctx.event.lower(value);
        for (let i = 0; i < count; i++) if (!each[i](lowered)) return false;
        return true;
      }
      for (let i = 0; i < count; i++) if (!matchers[i].test(value, ctx)) return false;
      return true;
    };
  } else if (linking === 'and') {
    test = (ctx) => {
      const value = read(ctx);
      for (let i = 0; i < count; i++) if (!matchers[i].test(value, ctx)) return false;
      return true;
    };
  } else {
    test = (ctx) => {
      const value = read(ctx);
      for (let i = 0; i < count; i++) if (matchers[i].test(value, ctx)) return true;
      return false;
    };
  }
  if (negated) {
    const positive = test;
    test = (ctx) => !positive(ctx);
  }
  const literals = count > 0 && matchers.every((m) => m.simple !== undefined) ? matchers.map((m) => m.simple!) : undefined;
  return { item, field, matchers, linking, negated, literals, test };
}

function andAll(tests: ((ctx: EvalContext) => boolean)[]): (ctx: EvalContext) => boolean {
  if (tests.length === 1) return tests[0];
  if (tests.length === 2) {
    const [a, b] = tests;
    return (ctx) => a(ctx) && b(ctx);
  }
  return (ctx) => {
    for (const t of tests) if (!t(ctx)) return false;
    return true;
  };
}

function compileSearch(search: DetectionRule['detection']['searches'][number], options: CompileOptions, problems: CompileProblem[]): CompiledSearch {
  const alternatives = search.alternatives.map((alt) => alt.map((item) => compileItem(item, options, problems)));
  const altTests = alternatives.map((alt) => andAll(alt.map((i) => i.test)));
  let test: (ctx: EvalContext) => boolean;
  if (altTests.length === 0) {
    problems.push({ message: `The search \`${search.name}\` is empty.`, span: search.span });
    test = () => false;
  } else if (altTests.length === 1) test = altTests[0];
  else
    test = (ctx) => {
      for (const t of altTests) if (t(ctx)) return true;
      return false;
    };
  return { name: search.name, alternatives, test };
}

/**
 * Variants grouped by their field renames: one detection evaluation per distinct rename set. Groups are
 * shared by the rules of one logsource and numbered, so an event records each group's outcome by number.
 */
export interface LogsourceGroup {
  id: number;
  mode: LogsourceMode;
  variants: LogsourceVariant[];
  mappings: Record<string, string>;
  mapped: boolean;
}

let groupCount = 0;

function groupVariants(variants: LogsourceVariant[], mode: LogsourceMode): LogsourceGroup[] {
  const groups = new Map<string, LogsourceGroup>();
  for (const v of variants) {
    const key = JSON.stringify(Object.entries(v.fieldMappings).sort());
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { id: groupCount++, mode, variants: [], mappings: v.fieldMappings, mapped: Object.keys(v.fieldMappings).length > 0 }));
    group.variants.push(v);
  }
  return [...groups.values()];
}

/**
 * Rules with the same logsource share their variant objects, so that an event checks each logsource once
 * (the outcome is memoised on the event) however many rules use it.
 */
const sharedVariants = new WeakMap<LogsourceConfig, Map<string, { variants: LogsourceVariant[] | undefined; groups: Map<LogsourceMode, LogsourceGroup[]> }>>();

function variantsFor(selector: { product?: string; category?: string; service?: string }, config: LogsourceConfig, mode: LogsourceMode) {
  let byKey = sharedVariants.get(config);
  if (!byKey) sharedVariants.set(config, (byKey = new Map()));
  const key = `${selector.product ?? ''}\u0000${selector.category ?? ''}\u0000${selector.service ?? ''}`;
  let entry = byKey.get(key);
  if (!entry) byKey.set(key, (entry = { variants: logsourceVariants(selector, config), groups: new Map() }));
  if (!entry.variants) return { variants: undefined, groups: undefined };
  let groups = entry.groups.get(mode);
  if (!groups) entry.groups.set(mode, (groups = groupVariants(entry.variants, mode)));
  return { variants: entry.variants, groups };
}

/** Whether the event belongs to the group's log source; the outcome is kept on the event for the other rules of the group. */
export function groupApplies(event: SigmaEvent, group: LogsourceGroup): boolean {
  const known = event.logsourceOutcome(group.id);
  if (known !== 0) return known === 1;
  let applies = false;
  for (let i = 0; i < group.variants.length && !applies; i++) applies = variantApplies(event, group.variants[i], group.mode);
  event.setLogsourceOutcome(group.id, applies);
  return applies;
}

export function compileRule(rule: DetectionRule | FilterRule, options: CompileOptions = {}): CompiledRule {
  const problems: CompileProblem[] = [];
  const mode = options.logsourceMode ?? 'default';
  const searches = rule.detection.searches.map((s) => compileSearch(s, options, problems));
  const byName = new Map<string, SearchTest<EvalContext>>(searches.map((s) => [s.name, s.test]));

  const conditionTests: SearchTest<EvalContext>[] = [];
  if (rule.detection.conditions.length === 0) problems.push({ message: 'The rule has no condition.', span: rule.detection.span });
  for (const condition of rule.detection.conditions) {
    if (!condition.expression) {
      problems.push({ message: `The condition \`${condition.text}\` could not be parsed.`, span: condition.span });
      continue;
    }
    try {
      conditionTests.push(compileCondition(condition.expression, byName));
    } catch (error) {
      if (!(error instanceof ConditionError)) throw error;
      problems.push({ message: error.message, span: condition.span });
    }
  }
  if (problems.length > 0) throw new RuleCompileError(problems);

  const closures: Test =
    conditionTests.length === 1
      ? conditionTests[0]
      : (ctx) => {
          for (const t of conditionTests) if (t(ctx)) return true;
          return false;
        };
  const generate = () => generateDetection(searches, rule.detection.conditions.map((c) => c.expression!));
  const generateAfter = options.generateAfter ?? 8;
  let evaluations = 0;
  let detect: Test =
    generateAfter === 0
      ? generate()
      : (ctx) => {
          if (++evaluations >= generateAfter) detect = generate();
          return closures(ctx);
        };

  const selector = {
    product: rule.logsource.product?.value,
    category: rule.logsource.category?.value,
    service: rule.logsource.service?.value,
  };
  const { variants, groups } = mode === 'off' ? { variants: undefined, groups: undefined } : variantsFor(selector, options.logsources ?? BUILTIN_LOGSOURCES, mode);

  const matches = (input: SigmaEvent | unknown): boolean => {
    const event = toSigmaEvent(input);
    if (!groups) return detect(event);
    for (const group of groups) {
      if (!groupApplies(event, group)) continue;
      if (detect(group.mapped ? new MappedContext(event, group.mappings) : event)) return true;
    }
    return false;
  };

  const explain = (input: SigmaEvent | unknown): MatchTrace => {
    const event = toSigmaEvent(input);
    const logsource: LogsourceTrace = {
      mode,
      selector: Object.fromEntries(Object.entries(selector).filter(([, v]) => v !== undefined)),
      known: variants !== undefined,
      variants: (variants ?? []).map((v) => {
        const checks = v.conditions.map((c) => ({ field: c.field, expected: c.values, actual: event.get(c.field), outcome: checkCondition(event, c, mode) }));
        return { label: v.label, applies: checks.every((c) => c.outcome !== 'failed'), checks, fieldMappings: v.fieldMappings };
      }),
      passed: true,
    };
    let ctx: EvalContext = event;
    let mappings = renames();
    if (groups) {
      const applicable = groups.filter((g) => g.variants.some((v) => variantApplies(event, v, mode)));
      logsource.passed = applicable.length > 0;
      const chosen = applicable.find((g) => detect(g.mapped ? new MappedContext(event, g.mappings) : event)) ?? applicable[0];
      if (chosen) {
        mappings = chosen.mappings;
        if (chosen.mapped) ctx = new MappedContext(event, mappings);
        if (groups.length > 1) logsource.used = chosen.variants.find((v) => variantApplies(event, v, mode))?.label;
      }
    }
    const results = new Map<string, boolean>();
    const searchTraces: SearchTrace[] = searches.map((search) => {
      const alternatives: AlternativeTrace[] = search.alternatives.map((alt) => {
        const items = alt.map((ci) => traceItem(ci, ctx, mappings));
        return { matched: items.every((i) => i.matched), items };
      });
      const matched = alternatives.some((a) => a.matched);
      results.set(search.name, matched);
      return { name: search.name, matched, alternatives };
    });
    const conditions = rule.detection.conditions.map((c) => ({ text: c.text, matched: c.expression ? evaluateCondition(c.expression, (name) => results.get(name) ?? false) : false }));
    return {
      rule: {
        ...(rule.title ? { title: rule.title.value } : {}),
        ...(rule.id ? { id: rule.id.value } : {}),
        file: rule.file.path,
        line: rule.node.span.line,
      },
      matched: logsource.passed && conditions.some((c) => c.matched),
      logsource,
      searches: searchTraces,
      conditions,
    };
  };

  return { rule, searches, variants, logsourceGroups: groups, mode, matches, explain };
}

function traceItem(ci: CompiledItem, ctx: EvalContext, mappings: Record<string, string>): ItemTrace {
  const { item, field } = ci;
  const value = field === null ? ctx.event.strings() : ctx.get(field);
  const values = ci.matchers.map((m) => ({ label: m.label, matched: m.test(value, ctx) }));
  let eventField: string | undefined;
  if (field !== null && mappings[field] !== undefined && ctx.event.get(mappings[field]) !== undefined) eventField = mappings[field];
  return {
    field,
    key: item.key ? String(item.key.value) : '',
    modifiers: item.modifiers.map((m) => m.name),
    linking: ci.linking,
    negated: ci.negated,
    ...(eventField ? { eventField } : {}),
    present: field === null ? true : value !== undefined,
    eventValue: field === null ? (value as string[]).length : value,
    values,
    matched: ci.test(ctx),
    line: item.span.line,
    column: item.span.column,
  };
}
