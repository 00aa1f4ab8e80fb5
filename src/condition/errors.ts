/** A problem found in a condition string. Offsets are 0-based positions inside the condition text; end is exclusive. */
export interface ConditionError {
  id: ConditionErrorId;
  message: string;
  offset: number;
  endOffset: number;
  hint?: string;
  /** Text that replaces [offset, endOffset) to fix the problem, when the fix is certain (e.g. `AND` → `and`). */
  replacement?: string;
}

export type ConditionErrorId =
  | 'condition/syntax'
  | 'condition/empty'
  | 'condition/undefined-identifier'
  | 'condition/empty-selector'
  | 'condition/deprecated-aggregation'
  | 'condition/deprecated-near'
  | 'condition/uppercase-operator';

export function compareConditionErrors(a: ConditionError, b: ConditionError): number {
  if (a.offset !== b.offset) return a.offset - b.offset;
  if (a.endOffset !== b.endOffset) return a.endOffset - b.endOffset;
  if (a.id !== b.id) return a.id < b.id ? -1 : 1;
  return a.message < b.message ? -1 : a.message > b.message ? 1 : 0;
}

/** `a`, `a` and `b`, `a`, `b` and `c`: names in backticks for a sentence. */
export function listNames(names: string[], limit = 5): string {
  const shown = names.slice(0, limit).map((name) => `\`${name}\``);
  if (names.length > limit) return `${shown.join(', ')} and ${names.length - limit} more`;
  if (shown.length <= 1) return shown.join('');
  return `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}
