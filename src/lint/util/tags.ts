import type { Located, Rule } from '../../rule/model.js';

/** Tags split at the first dot into namespace and name, as pySigma does. */
export interface Tag {
  namespace: string;
  name: string;
  located: Located<string>;
}

export function tagsOf(rule: Rule): Tag[] {
  return rule.tags.map((located) => {
    const dot = located.value.indexOf('.');
    return dot === -1
      ? { namespace: located.value, name: '', located }
      : { namespace: located.value.slice(0, dot), name: located.value.slice(dot + 1), located };
  });
}

export function tagsIn(rule: Rule, namespace: string): Tag[] {
  return tagsOf(rule).filter((t) => t.namespace === namespace);
}
