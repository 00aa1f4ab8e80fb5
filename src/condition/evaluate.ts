import type { ConditionExpression } from './ast.js';

/**
 * Reference evaluation of a condition, given whether each search identifier matched the event.
 * `1 of`/`any of` is true when any selected search matched, `all of` when every one did; a selector that selects
 * nothing (an error the parser reports) is false whatever its quantifier, rather than vacuously true.
 * Short-circuits, so `searchMatches` is called only for the searches the result depends on.
 */
export function evaluateCondition(expression: ConditionExpression, searchMatches: (name: string) => boolean): boolean {
  switch (expression.type) {
    case 'identifier':
      return searchMatches(expression.name);
    case 'not':
      return !evaluateCondition(expression.operand, searchMatches);
    case 'and':
      return expression.operands.every((operand) => evaluateCondition(operand, searchMatches));
    case 'or':
      return expression.operands.some((operand) => evaluateCondition(operand, searchMatches));
    case 'selector':
      if (expression.matches.length === 0) return false;
      return expression.quantifier === 'all'
        ? expression.matches.every((name) => searchMatches(name))
        : expression.matches.some((name) => searchMatches(name));
  }
}
