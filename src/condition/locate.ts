import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { ScalarStyle, YamlScalar } from '../rule/yaml-node.js';
import type { ConditionExpression } from './ast.js';
import type { ConditionError } from './errors.js';
import { parseCondition } from './parse.js';
import { decodeScalar } from './scalar-offsets.js';

/**
 * Maps positions inside a condition string to positions in the file, through the YAML scalar that holds it
 * (quotes, `''` and backslash escapes, folded lines and block-scalar indentation all shift them).
 */
export interface ConditionLocator {
  /** File offset of the condition character at `offset` (`offset` may be the condition's length: its end). */
  fileOffset(offset: number): number;
  /** File offset just past the condition character before `endOffset` (exclusive ends). */
  fileEndOffset(endOffset: number): number;
  /** The file span of [offset, endOffset) of the condition. */
  span(offset: number, endOffset: number): Span;
  /**
   * True when every character maps to its own place. False when the scalar could not be decoded to the condition
   * text (then every position maps to the whole scalar, which is still the right place to point at).
   */
  exact: boolean;
}

export function conditionLocator(scalar: YamlScalar, text: string, file: SourceFile): ConditionLocator {
  const base = scalar.span.offset;
  if (scalar.style === 'plain' && scalar.source === text) return verbatimLocator(base, text.length, file);
  const decoded = decodeScalar(scalar.source, scalar.style, lineIndent(file.text, base));
  const exact = decoded.value === text || (decoded.value.trimEnd() === text.trimEnd() && decoded.value.length > 0);
  const last = decoded.value.length - 1;
  const fileOffset = (offset: number): number => {
    if (!exact) return scalar.span.offset;
    if (offset <= last) return base + decoded.starts[Math.max(0, offset)];
    return last >= 0 ? base + decoded.ends[last] : base;
  };
  const fileEndOffset = (endOffset: number): number => {
    if (!exact) return scalar.span.endOffset;
    if (endOffset <= 0) return fileOffset(0);
    return base + decoded.ends[Math.min(endOffset, last + 1) - 1];
  };
  return locator(exact, fileOffset, fileEndOffset, file);
}

/** A locator from its two offset mappings: spans run from the mapped start to the mapped end. */
function locator(exact: boolean, fileOffset: (offset: number) => number, fileEndOffset: (endOffset: number) => number, file: SourceFile): ConditionLocator {
  return {
    exact,
    fileOffset,
    fileEndOffset,
    span(offset, endOffset) {
      const start = fileOffset(offset);
      const end = endOffset > offset ? fileEndOffset(endOffset) : start;
      return file.span(start, Math.max(start, end));
    },
  };
}

/**
 * Most conditions are plain one-line scalars written exactly as they read (`selection and not filter`):
 * character i is at the scalar's offset plus i, and nothing needs decoding.
 */
function verbatimLocator(base: number, length: number, file: SourceFile): ConditionLocator {
  const fileOffset = (offset: number): number => base + Math.min(Math.max(0, offset), length);
  const fileEndOffset = (endOffset: number): number => (endOffset <= 0 ? base : base + Math.min(endOffset, length));
  return locator(true, fileOffset, fileEndOffset, file);
}

/** Spaces at the start of the line holding `offset`. */
function lineIndent(text: string, offset: number): number {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  let indent = 0;
  while (text[lineStart + indent] === ' ') indent++;
  return indent;
}

/**
 * The same locator for a condition known only by its scalar's file span (e.g. `Condition.span` of the rule model):
 * the scalar's source is read from the file and its style from its first character.
 */
export function conditionLocatorAt(file: SourceFile, span: Span, text: string): ConditionLocator {
  const source = file.text.slice(span.offset, span.endOffset);
  return conditionLocator({ kind: 'scalar', value: text, style: styleOf(source), source, span }, text, file);
}

function styleOf(source: string): ScalarStyle {
  const styles: Record<string, ScalarStyle> = { "'": 'single', '"': 'double', '|': 'literal', '>': 'folded' };
  return styles[source[0]] ?? 'plain';
}

/** A copy of the expression whose spans are file spans (the parser gives positions inside the condition). */
export function locateExpression(expression: ConditionExpression, locator: ConditionLocator): ConditionExpression {
  const span = locator.span(expression.span.offset, expression.span.endOffset);
  switch (expression.type) {
    case 'and':
    case 'or':
      return { ...expression, operands: expression.operands.map((operand) => locateExpression(operand, locator)), span };
    case 'not':
      return { ...expression, operand: locateExpression(expression.operand, locator), span };
    case 'identifier':
      return { ...expression, span };
    case 'selector':
      return { ...expression, matches: [...expression.matches], span };
  }
}

/** Condition errors as diagnostics of the file (all at error level). */
export function conditionDiagnostics(errors: ConditionError[], locator: ConditionLocator, file: SourceFile): Diagnostic[] {
  return errors.map((error) => {
    const span = locator.span(error.offset, error.endOffset);
    const diagnostic: Diagnostic = { id: error.id, severity: 'error', message: sentence(error.message), file: file.path, span };
    if (error.hint) diagnostic.hint = sentence(error.hint);
    // A fix is offered only where the condition text sits in the file unchanged (no escape inside the span).
    const width = error.endOffset - error.offset;
    if (error.replacement !== undefined && locator.exact && span.endOffset - span.offset === width) {
      diagnostic.fix = [{ offset: span.offset, endOffset: span.endOffset, text: error.replacement }];
    }
    return diagnostic;
  });
}

/** Condition messages are sentence fragments (`expected …`); diagnostics are sentences. */
function sentence(text: string): string {
  const capitalised = text[0].toUpperCase() + text.slice(1);
  return /[.!?]$/.test(capitalised) ? capitalised : `${capitalised}.`;
}

/**
 * Parses the condition held by a YAML scalar and returns its expression and diagnostics located in the file.
 * `text` is the scalar's value as a string (what the condition is); `searchNames` the detection's search identifiers.
 */
export function parseConditionScalar(
  scalar: YamlScalar,
  text: string,
  searchNames: string[],
  file: SourceFile,
): { expression?: ConditionExpression; diagnostics: Diagnostic[] } {
  const result = parseCondition(text, searchNames);
  const locator = conditionLocator(scalar, text, file);
  return {
    expression: result.expression && locateExpression(result.expression, locator),
    diagnostics: conditionDiagnostics(result.errors, locator, file),
  };
}
