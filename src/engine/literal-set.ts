import { SubstringSet } from './substring-set.js';

/** A case-insensitive literal test on a lowercased value: the value equals, starts with, ends with or contains `text`. */
export interface Literal {
  kind: 'equals' | 'prefix' | 'suffix' | 'contains';
  text: string;
}

/**
 * Beyond this many substrings, one `SubstringSet` scan replaces one `includes` per literal. Below it the loop
 * is about as fast, and a set costs a build and tables of its own.
 */
export const MANY_SUBSTRINGS = 24;

/** One test for many lowercased literals: exact values in a set, prefixes and suffixes by length, substrings in one scan when there are many. */
export function anyOfLiterals(literals: readonly Literal[]): (lowered: string) => boolean {
  const equals = new Set<string>();
  const prefixes = new Map<number, Set<string>>();
  const suffixes = new Map<number, Set<string>>();
  const contains: string[] = [];
  for (const { kind, text } of literals) {
    if (kind === 'equals') equals.add(text);
    else if (kind === 'contains') contains.push(text);
    else {
      const byLength = kind === 'prefix' ? prefixes : suffixes;
      let set = byLength.get(text.length);
      if (!set) byLength.set(text.length, (set = new Set()));
      set.add(text);
    }
  }
  // Lists of hundreds of indicators (package names, hashes, tool names) cost one scan of the value, not one
  // `includes` each. The set is built on the first test: most rules of a large rule set are never evaluated.
  const many = contains.length > MANY_SUBSTRINGS;
  let substrings: SubstringSet | undefined;
  const prefixList = [...prefixes];
  const suffixList = [...suffixes];
  return (v) => {
    if (equals.size > 0 && equals.has(v)) return true;
    const n = v.length;
    for (let i = 0; i < suffixList.length; i++) {
      const [length, set] = suffixList[i];
      if (length <= n && set.has(v.slice(n - length))) return true;
    }
    for (let i = 0; i < prefixList.length; i++) {
      const [length, set] = prefixList[i];
      if (length <= n && set.has(v.slice(0, length))) return true;
    }
    if (many) return (substrings ??= new SubstringSet(contains.map((text, i) => [text, i] as const))).occursIn(v);
    for (let i = 0; i < contains.length; i++) if (v.includes(contains[i])) return true;
    return false;
  };
}

