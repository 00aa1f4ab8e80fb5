import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { ConditionExpression } from '../condition/ast.js';
import { parseCondition, type ConditionParseResult } from '../condition/parse.js';
import type { Condition, Rule } from './model.js';

/**
 * Parses every condition of a rule against its search names, maps positions inside the condition
 * text to file spans, stores the expression on the Condition and returns the errors as diagnostics.
 */
export function linkConditions(rule: Rule): Diagnostic[] {
  if (rule.kind === 'correlation') return [];
  const names = rule.detection.searches.map((search) => search.name);
  const diagnostics: Diagnostic[] = [];
  for (const condition of rule.detection.conditions) {
    const result = parseCached(condition.text, names);
    const locate = conditionLocator(rule.file, condition);
    for (const error of result.errors) {
      const d: Diagnostic = {
        id: error.id,
        severity: 'error',
        message: sentence(error.message),
        file: rule.file.path,
        span: locate(error.offset, error.endOffset),
      };
      if (error.hint) d.hint = sentence(error.hint);
      if (error.replacement !== undefined) {
        const span = d.span;
        if (span.endOffset - span.offset === error.endOffset - error.offset) {
          d.fix = [{ offset: span.offset, endOffset: span.endOffset, text: error.replacement }];
        }
      }
      diagnostics.push(d);
    }
    if (result.expression) condition.expression = relocate(result.expression, locate);
  }
  return diagnostics;
}

function sentence(text: string): string {
  const trimmed = text.trim();
  if (trimmed === '') return trimmed;
  const first = trimmed[0].toUpperCase() + trimmed.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}

/**
 * Maps [offset, end) inside the condition's value to a file span. Plain, single-quoted and
 * double-quoted scalars on one line map character by character (a quoted `''` counts as one);
 * anything else (block scalars, escapes) maps to the whole condition scalar.
 */
export function conditionLocator(file: SourceFile, condition: Condition): (offset: number, end: number) => Span {
  const raw = file.text.slice(condition.span.offset, condition.span.endOffset);
  const table = offsetTable(raw, condition.text);
  return (offset, end) => {
    if (!table) return condition.span;
    const from = condition.span.offset + table[Math.min(offset, table.length - 1)];
    const to = condition.span.offset + table[Math.min(end, table.length - 1)];
    return file.span(from, Math.max(from, to));
  };
}

/** table[i] = offset in `raw` of value character i (and table[value.length] = the end), or undefined. */
function offsetTable(raw: string, value: string): number[] | undefined {
  if (raw.includes('\n')) return undefined;
  const quote = raw[0] === "'" || raw[0] === '"' ? raw[0] : '';
  const table: number[] = [];
  let r = quote ? 1 : 0;
  for (let v = 0; v < value.length; v++) {
    if (quote === "'" && raw[r] === "'" && raw[r + 1] === "'") {
      table.push(r);
      r += 2;
      continue;
    }
    if (raw[r] !== value[v]) return undefined;
    table.push(r);
    r++;
  }
  table.push(r);
  return table;
}

/** A copy of the expression with file spans (parse results are cached and shared). */
function relocate(node: ConditionExpression, locate: (offset: number, end: number) => Span): ConditionExpression {
  const span = locate(node.span.offset, node.span.endOffset);
  switch (node.type) {
    case 'and':
    case 'or':
      return { ...node, span, operands: node.operands.map((operand) => relocate(operand, locate)) };
    case 'not':
      return { ...node, span, operand: relocate(node.operand, locate) };
    case 'selector':
      return { ...node, span, matches: [...node.matches] };
    default:
      return { ...node, span };
  }
}

/**
 * Most rules repeat a handful of conditions over the same search names (`selection`,
 * `selection and not filter`); parsing each distinct pair once keeps chevrotain off the hot path.
 */
const parseCache = new Map<string, ConditionParseResult>();
const PARSE_CACHE_LIMIT = 10_000;

function parseCached(text: string, names: string[]): ConditionParseResult {
  const key = `${text}\u0000${names.join('\u0000')}`;
  let result = parseCache.get(key);
  if (!result) {
    result = parseCondition(text, names);
    if (parseCache.size >= PARSE_CACHE_LIMIT) parseCache.clear();
    parseCache.set(key, result);
  }
  return result;
}
