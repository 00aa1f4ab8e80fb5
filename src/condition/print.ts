import type { ConditionExpression } from './ast.js';

/**
 * Writes an expression back as a Sigma condition, with parentheses only where the precedence
 * (not > and > or) needs them or where the expression nests an and/or inside one of the same kind.
 * Parsing the result gives the same expression back.
 */
export function printCondition(expression: ConditionExpression): string {
  switch (expression.type) {
    case 'identifier':
      return expression.name;
    case 'selector':
      return `${expression.quantifierText} of ${expression.pattern}`;
    case 'not':
      return `not ${wrapUnless(expression.operand, ['identifier', 'selector', 'not'])}`;
    case 'and':
      return expression.operands.map((operand) => wrapUnless(operand, ['identifier', 'selector', 'not'])).join(' and ');
    case 'or':
      return expression.operands.map((operand) => wrapUnless(operand, ['identifier', 'selector', 'not', 'and'])).join(' or ');
  }
}

function wrapUnless(expression: ConditionExpression, bare: ConditionExpression['type'][]): string {
  const text = printCondition(expression);
  return bare.includes(expression.type) ? text : `(${text})`;
}

/**
 * A compact, span-free rendering for tests and debugging:
 * `(and selection (not (1 of filter_* [filter_a filter_b])))`.
 */
export function serializeCondition(expression: ConditionExpression): string {
  switch (expression.type) {
    case 'identifier':
      return expression.name;
    case 'selector':
      return `(${expression.quantifierText} of ${expression.pattern} [${expression.matches.join(' ')}])`;
    case 'not':
      return `(not ${serializeCondition(expression.operand)})`;
    case 'and':
    case 'or':
      return `(${expression.type} ${expression.operands.map(serializeCondition).join(' ')})`;
  }
}
