/**
 * A check's list option is the same array for every rule of a run (the default, or the configured
 * list): its lookup set is built once per array instead of once per rule.
 */
const SETS = new WeakMap<readonly string[], Set<string>>();
const LOWERCASE_SETS = new WeakMap<readonly string[], Set<string>>();

export function optionSet(list: readonly string[]): Set<string> {
  let set = SETS.get(list);
  if (!set) SETS.set(list, (set = new Set(list)));
  return set;
}

export function lowercaseOptionSet(list: readonly string[]): Set<string> {
  let set = LOWERCASE_SETS.get(list);
  if (!set) LOWERCASE_SETS.set(list, (set = new Set(list.map((w) => w.toLowerCase()))));
  return set;
}
