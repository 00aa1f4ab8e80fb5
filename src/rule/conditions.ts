import type { Diagnostic } from '../core/diagnostic.js';
import { conditionDiagnostics, conditionLocatorAt, locateExpression } from '../condition/locate.js';
import { parseCondition, type ConditionParseResult } from '../condition/parse.js';
import type { Rule } from './model.js';

/**
 * Parses every condition of a rule against its search names, stores the expression (with file
 * spans, mapped through the YAML quoting by src/condition/locate.ts) on the Condition, and returns
 * the condition errors as diagnostics of the file.
 */
export function linkConditions(rule: Rule): Diagnostic[] {
  if (rule.kind === 'correlation') return [];
  const names = rule.detection.searches.map((search) => search.name);
  const diagnostics: Diagnostic[] = [];
  for (const condition of rule.detection.conditions) {
    const result = parseCached(condition.text, names);
    const locator = conditionLocatorAt(rule.file, condition.span, condition.text);
    diagnostics.push(...conditionDiagnostics(result.errors, locator, rule.file));
    if (result.expression) condition.expression = locateExpression(result.expression, locator);
  }
  return diagnostics;
}

/**
 * Most rules repeat a handful of conditions over the same search names (`selection`,
 * `selection and not filter`); parsing each distinct pair once keeps the parser off the hot path.
 * Cached results are shared: `locateExpression` returns a located copy, never changes them.
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
