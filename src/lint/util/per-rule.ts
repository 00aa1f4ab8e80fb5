import type { Rule } from '../../rule/model.js';

/**
 * `compute` memoised per rule. The rule asked for last is answered without a WeakMap lookup: the lint
 * runner passes each rule to every check in turn, so most calls ask for the same rule again.
 */
export function perRule<T>(compute: (rule: Rule) => T): (rule: Rule) => T {
  const cache = new WeakMap<Rule, T>();
  let lastRule: Rule | undefined;
  let last: T | undefined;
  return (rule) => {
    if (rule === lastRule) return last as T;
    let value = cache.get(rule);
    if (value === undefined && !cache.has(rule)) cache.set(rule, (value = compute(rule)));
    lastRule = rule;
    last = value;
    return value as T;
  };
}
