import type { ConditionExpression } from '../condition/ast.js';
import { anyOfLiterals, type Literal } from './literal-set.js';
import type { EvalContext } from './values.js';

/**
 * One JavaScript function per rule for its hot path, generated from the compiled items: a rule's
 * condition, searches and plain-literal tests become one expression, so an evaluation is one call instead
 * of a closure per condition node, search, item and value. Items that are not plain literals (regexes,
 * numbers, CIDR, field references, keywords…) call their compiled closure. Rule text reaches the source
 * only through `JSON.stringify`, so no value or field name can change the generated code.
 */

export type Test = (ctx: EvalContext) => boolean;


/** What the generator needs of a compiled item (see `CompiledItem`). */
export interface GeneratableItem {
  field: string | null;
  linking: 'or' | 'and';
  negated: boolean;
  /** The item's test, negation included: used for values that are not strings, and for items not inlined. */
  test: Test;
  /**
   * Per value, the case-insensitive literals of which one must hold (the value's `simple` form); undefined when
   * some value is not a plain literal.
   */
  literals: Literal[][] | undefined;
}

export interface GeneratableSearch {
  name: string;
  alternatives: GeneratableItem[][];
}

/** Up to this many literals are tested inline; longer lists go through a set-based test. */
const INLINE_LITERALS = 6;

function literalTest(kind: Literal['kind'], text: string): string {
  const t = JSON.stringify(text);
  switch (kind) {
    case 'equals':
      return `l === ${t}`;
    case 'prefix':
      return `l.startsWith(${t})`;
    case 'suffix':
      return `l.endsWith(${t})`;
    case 'contains':
      return `l.includes(${t})`;
  }
}

class Generator {
  /** Closures the generated code calls, by position (`F[i]`). */
  readonly functions: unknown[] = [];
  private readonly searches: Map<string, GeneratableSearch>;
  private readonly references = new Map<string, number>();
  private readonly memoised = new Map<string, string>();

  constructor(searches: readonly GeneratableSearch[], conditions: readonly ConditionExpression[]) {
    this.searches = new Map(searches.map((s) => [s.name, s]));
    const count = (e: ConditionExpression): void => {
      if (e.type === 'identifier') this.references.set(e.name, (this.references.get(e.name) ?? 0) + 1);
      else if (e.type === 'selector') for (const m of e.matches) this.references.set(m, (this.references.get(m) ?? 0) + 1);
      else if (e.type === 'not') count(e.operand);
      else for (const o of e.operands) count(o);
    };
    conditions.forEach(count);
  }

  private fn(f: unknown): string {
    this.functions.push(f);
    return `F[${this.functions.length - 1}]`;
  }

  /** One test of the lowercased value `l` for a list of alternatives (inline when short, else a set). */
  private anyOf(alternatives: readonly Literal[]): string {
    if (alternatives.length > INLINE_LITERALS) return `${this.fn(anyOfLiterals(alternatives))}(l)`;
    const tests = alternatives.map((a) => literalTest(a.kind, a.text));
    return tests.length === 1 ? tests[0] : `(${tests.join(' || ')})`;
  }

  private item(item: GeneratableItem): string {
    const literals = item.literals;
    const fallback = `${this.fn(item.test)}(ctx)`;
    if (item.field === null || literals === undefined || literals.length === 0) return fallback;
    const onString =
      item.linking === 'or' || literals.length === 1
        ? this.anyOf(literals.flat())
        : `(${literals.map((alternatives) => this.anyOf(alternatives)).join(' && ')})`;
    // Values that are not strings (numbers, arrays, absent) take the item's own test, which applies the negation.
    const lowered = `(l = ev.lower(v), ${onString})`;
    return `(v = ctx.get(${JSON.stringify(item.field)}), typeof v === "string" ? ${item.negated ? '!' : ''}${lowered} : ${fallback})`;
  }

  private search(name: string): string {
    const search = this.searches.get(name);
    if (!search) return 'false';
    const alternatives = search.alternatives.map((alt) => (alt.length === 1 ? this.item(alt[0]) : `(${alt.map((i) => this.item(i)).join(' && ')})`));
    const expression = alternatives.length === 0 ? 'false' : alternatives.length === 1 ? alternatives[0] : `(${alternatives.join(' || ')})`;
    if ((this.references.get(name) ?? 0) < 2) return expression;
    // Referenced more than once: evaluated at most once per call, and only when reached.
    let variable = this.memoised.get(name);
    if (!variable) this.memoised.set(name, (variable = `s${this.memoised.size}`));
    return `(${variable} === 0 ? (${variable} = ${expression} ? 1 : 2) === 1 : ${variable} === 1)`;
  }

  expression(e: ConditionExpression): string {
    switch (e.type) {
      case 'identifier':
        return this.search(e.name);
      case 'not':
        return `!${this.expression(e.operand)}`;
      case 'and':
        return `(${e.operands.map((o) => this.expression(o)).join(' && ')})`;
      case 'or':
        return `(${e.operands.map((o) => this.expression(o)).join(' || ')})`;
      case 'selector': {
        const parts = e.matches.map((m) => this.search(m));
        if (parts.length === 0) return 'false';
        return `(${parts.join(e.quantifier === 'one' ? ' || ' : ' && ')})`;
      }
    }
  }

  variables(): string {
    const memo = [...this.memoised.values()].map((v) => `${v} = 0`);
    return ['v', 'l', ...memo].join(', ');
  }
}

/** The rule's detection (any of its conditions) as one generated function. */
export function generateDetection(searches: readonly GeneratableSearch[], conditions: readonly ConditionExpression[]): Test {
  const generator = new Generator(searches, conditions);
  const body = conditions.map((c) => generator.expression(c));
  const source = `"use strict";\nreturn function detect(ctx) {\n  const ev = ctx.event;\n  let ${generator.variables()};\n  return ${body.length === 0 ? 'false' : body.join(' ||\n    ')};\n};`;
  return new Function('F', source)(generator.functions) as Test;
}
