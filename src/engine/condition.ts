import type { ConditionExpression } from '../condition/ast.js';

/**
 * Condition evaluation over search results. `compileCondition` turns the AST into nested closures once
 * per rule (the hot path); `evaluateCondition` walks it against known results (traces).
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

/** Evaluates the expression against already known search results. */
export function evaluateCondition(expression: ConditionExpression, results: ReadonlyMap<string, boolean>): boolean {
  switch (expression.type) {
    case 'identifier':
      return results.get(expression.name) ?? false;
    case 'not':
      return !evaluateCondition(expression.operand, results);
    case 'and':
      return expression.operands.every((o) => evaluateCondition(o, results));
    case 'or':
      return expression.operands.some((o) => evaluateCondition(o, results));
    case 'selector':
      return expression.quantifier === 'one'
        ? expression.matches.some((m) => results.get(m) ?? false)
        : expression.matches.every((m) => results.get(m) ?? false);
  }
}

/** Names of the searches an expression uses. */
export function searchesUsed(expression: ConditionExpression, out = new Set<string>()): Set<string> {
  switch (expression.type) {
    case 'identifier':
      out.add(expression.name);
      break;
    case 'not':
      searchesUsed(expression.operand, out);
      break;
    case 'and':
    case 'or':
      for (const o of expression.operands) searchesUsed(o, out);
      break;
    case 'selector':
      for (const m of expression.matches) out.add(m);
      break;
  }
  return out;
}
