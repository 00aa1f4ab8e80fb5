import type { Located, Rule } from '../../rule/model.js';
import { perRule } from './per-rule.js';

/** Tags split at the first dot into namespace and name, as pySigma does. */
export interface Tag {
  namespace: string;
  name: string;
  located: Located<string>;
}

// About twenty checks read a rule's tags: split them once per rule.
interface RuleTags {
  tags: readonly Tag[];
  byNamespace: Map<string, readonly Tag[]> | undefined;
}

const NONE: readonly Tag[] = [];

const tagsFor = perRule((rule): RuleTags => {
  const tags = rule.tags.map((located) => {
    const dot = located.value.indexOf('.');
    return dot === -1
      ? { namespace: located.value, name: '', located }
      : { namespace: located.value.slice(0, dot), name: located.value.slice(dot + 1), located };
  });
  return { tags, byNamespace: undefined };
});

export function tagsOf(rule: Rule): readonly Tag[] {
  return tagsFor(rule).tags;
}

export function tagsIn(rule: Rule, namespace: string): readonly Tag[] {
  const found = tagsFor(rule);
  let byNamespace = found.byNamespace;
  if (!byNamespace) {
    byNamespace = new Map();
    for (const tag of found.tags) {
      const list = byNamespace.get(tag.namespace) as Tag[] | undefined;
      if (list) list.push(tag);
      else byNamespace.set(tag.namespace, [tag]);
    }
    found.byNamespace = byNamespace;
  }
  return byNamespace.get(namespace) ?? NONE;
}
