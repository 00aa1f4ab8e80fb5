import type { Span } from '../core/diagnostic.js';

/**
 * Condition AST shared by the engine, the lint rules and the coverage checker.
 * Every node carries its span in the file (already mapped from the position inside the condition string).
 */
export type ConditionExpression = AndNode | OrNode | NotNode | IdentifierNode | SelectorNode;

export interface AndNode {
  type: 'and';
  operands: ConditionExpression[];
  span: Span;
}

export interface OrNode {
  type: 'or';
  operands: ConditionExpression[];
  span: Span;
}

export interface NotNode {
  type: 'not';
  operand: ConditionExpression;
  span: Span;
}

/** A reference to one search identifier. */
export interface IdentifierNode {
  type: 'identifier';
  name: string;
  span: Span;
}

/** `1 of selection*`, `any of them`, `all of filter_*`. */
export interface SelectorNode {
  type: 'selector';
  quantifier: 'one' | 'all';
  /** As written: `1`, `any` or `all`. */
  quantifierText: string;
  /** The pattern as written (`selection*`), or `them`. */
  pattern: string;
  /** Names of the search identifiers the pattern resolves to, in detection order. */
  matches: string[];
  span: Span;
}
