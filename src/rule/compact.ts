/**
 * The located tree and the rule model stay in memory for the whole run. An array grown with `push`
 * keeps room for at least 16 more elements (V8 grows a backing store by half plus 16), which for
 * the many one- and two-element lists of a rule is most of its size; a copy holds just its elements.
 */
const SLACK = 16;

/** `list` itself when it is empty or large, else a copy sized to its elements. */
export function compact<T>(list: T[]): T[] {
  return list.length === 0 || list.length > SLACK ? list : list.slice();
}
