import type { ConditionExpression } from '../condition/ast.js';

/**
 * Condition evaluation over search results: `compileCondition` turns the AST into nested closures once
 * per rule (the hot path). Traces use the reference walker of src/condition/evaluate.ts; tests check
 * that both agree.
 */

export type SearchTest<C> = (ctx: C) => boolean;

export class ConditionError extends Error {}

export function compileCondition<C>(expression: ConditionExpression, searches: ReadonlyMap<string, SearchTest<C>>): SearchTest<C> {
  const lookup = (name: string) => {
    const fn = searches.get(name);
    if (!fn) throw new ConditionError(`The condition refers to \`${name}\`, which is not a search of this rule.`);
    return fn;
  };
  switch (expression.type) {
    case 'identifier':
      return lookup(expression.name);
    case 'not': {
      const inner = compileCondition(expression.operand, searches);
      return (ctx) => !inner(ctx);
    }
    case 'and': {
      const parts = expression.operands.map((o) => compileCondition(o, searches));
      if (parts.length === 2) {
        const [a, b] = parts;
        return (ctx) => a(ctx) && b(ctx);
      }
      return (ctx) => {
        for (const p of parts) if (!p(ctx)) return false;
        return true;
      };
    }
    case 'or': {
      const parts = expression.operands.map((o) => compileCondition(o, searches));
      if (parts.length === 2) {
        const [a, b] = parts;
        return (ctx) => a(ctx) || b(ctx);
      }
      return (ctx) => {
        for (const p of parts) if (p(ctx)) return true;
        return false;
      };
    }
    case 'selector': {
      if (expression.matches.length === 0)
        throw new ConditionError(`\`${expression.quantifierText} of ${expression.pattern}\` matches no search of this rule.`);
      const parts = expression.matches.map(lookup);
      if (expression.quantifier === 'one')
        return (ctx) => {
          for (const p of parts) if (p(ctx)) return true;
          return false;
        };
      return (ctx) => {
        for (const p of parts) if (!p(ctx)) return false;
        return true;
      };
    }
  }
}
