import type { IToken } from './chevrotain.js';
import type { ConditionError } from './errors.js';

/*
 * Sigma 1 syntax that Sigma 2 replaced by correlation rules: aggregations after a pipe
 * (`selection | count(User) by SourceIp > 5`) and `near` (`selection | near other`).
 * Neither is part of the grammar; they are recognised here so that the error can show the replacement.
 */

const AGGREGATION =
  /^\|\s*(count|min|max|avg|sum)\s*\(\s*([^()\s]*)\s*\)\s*(?:by\s+([^\s<>=!]+)\s*)?(?:(<=|>=|==|!=|<|>|=)\s*(\S+))?$/i;

const OPERATORS: Record<string, string> = { '<': 'lt', '<=': 'lte', '>': 'gt', '>=': 'gte', '=': 'eq', '==': 'eq', '!=': 'neq' };

const NEAR_HINT =
  'give each search its own rule with a `name`, then list those rules in a correlation rule of type `temporal` with `group-by` and `timespan`';

/** The error for a pipe tail (`| count() by x > 5`, `| near y`), which runs from the `|` to the end of the condition. */
export function deprecatedTailError(tail: IToken): ConditionError {
  const written = tail.image.trimEnd();
  const offset = tail.startOffset;
  const endOffset = offset + written.length;
  if (/^\|\s*near\b/i.test(written)) {
    return {
      id: 'condition/deprecated-near',
      message: '`near` was removed in Sigma 2: events that occur together are matched by a correlation rule',
      offset,
      endOffset,
      hint: NEAR_HINT,
    };
  }
  return {
    id: 'condition/deprecated-aggregation',
    message: `the aggregation \`${shorten(written)}\` was removed in Sigma 2: conditions over several events belong in a correlation rule`,
    offset,
    endOffset,
    hint: aggregationHint(written),
  };
}

/** The error for `near` written as if it were an operator (`selection near other`). */
export function deprecatedNearError(word: IToken, endOffset: number): ConditionError {
  return {
    id: 'condition/deprecated-near',
    message: '`near` was removed in Sigma 2: events that occur together are matched by a correlation rule',
    offset: word.startOffset,
    endOffset,
    hint: NEAR_HINT,
  };
}

function aggregationHint(written: string): string {
  const found = AGGREGATION.exec(written);
  const move = 'give this rule a `name`, remove the `|` part, and add a correlation rule';
  if (!found) return `${move} (\`type: event_count\`, \`value_count\`, \`value_sum\` or \`value_avg\`) that refers to it`;
  const [, fn, field, groupBy, operator, threshold] = found;
  const func = fn.toLowerCase();
  if (func === 'min' || func === 'max') {
    return `${move}; correlation rules have no \`${func}\`, but \`value_avg\`, \`value_sum\` or \`value_count\` over \`${field || 'a field'}\` may express the intent`;
  }
  const type = func === 'count' ? (field ? 'value_count' : 'event_count') : func === 'sum' ? 'value_sum' : 'value_avg';
  const condition: string[] = [];
  if (field) condition.push(`field: ${field}`);
  condition.push(`${OPERATORS[operator ?? ''] ?? 'gte'}: ${threshold ?? 1}`);
  const parts = [`type: ${type}`, "rules: [<this rule's name>]"];
  if (groupBy) parts.push(`group-by: [${groupBy}]`);
  parts.push('timespan: <the old timeframe>', `condition: {${condition.join(', ')}}`);
  return `${move}: \`correlation: {${parts.join(', ')}}\``;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
