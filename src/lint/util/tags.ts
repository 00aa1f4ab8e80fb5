import type { Located, Rule } from '../../rule/model.js';

/** Tags split at the first dot into namespace and name, as pySigma does. */
export interface Tag {
  namespace: string;
  name: string;
  located: Located<string>;
}

// About twenty checks read a rule's tags: split them once per rule.
const TAGS = new WeakMap<Rule, readonly Tag[]>();
const BY_NAMESPACE = new WeakMap<Rule, Map<string, readonly Tag[]>>();
const NONE: readonly Tag[] = [];

export function tagsOf(rule: Rule): readonly Tag[] {
  let tags = TAGS.get(rule);
  if (!tags) {
    tags = rule.tags.map((located) => {
      const dot = located.value.indexOf('.');
      return dot === -1
        ? { namespace: located.value, name: '', located }
        : { namespace: located.value.slice(0, dot), name: located.value.slice(dot + 1), located };
    });
    TAGS.set(rule, tags);
  }
  return tags;
}

export function tagsIn(rule: Rule, namespace: string): readonly Tag[] {
  let byNamespace = BY_NAMESPACE.get(rule);
  if (!byNamespace) {
    byNamespace = new Map();
    for (const tag of tagsOf(rule)) {
      const list = byNamespace.get(tag.namespace) as Tag[] | undefined;
      if (list) list.push(tag);
      else byNamespace.set(tag.namespace, [tag]);
    }
    BY_NAMESPACE.set(rule, byNamespace);
  }
  return byNamespace.get(namespace) ?? NONE;
}
