import type { TextEdit } from '../../core/diagnostic.js';
import type { Rule } from '../../rule/model.js';
import type { YamlScalar } from '../../rule/yaml-node.js';
import { removeSeqItem } from './edits.js';
import { topLevelValue } from './model.js';

export interface RepeatedItem {
  item: YamlScalar;
  text: string;
  /** Removes the repeated entry, when the layout allows a safe edit. */
  fix?: TextEdit[];
}

const NONE: readonly RepeatedItem[] = [];
/** Lists up to this long are searched pairwise (most hold one to five entries); longer ones through a Set. */
const PAIRWISE = 32;

/** The string entries of a top-level list (`tags`, `references`, …) that repeat an earlier entry exactly. */
export function repeatedListItems(rule: Rule, key: string): readonly RepeatedItem[] {
  const node = topLevelValue(rule, key);
  if (node?.kind !== 'seq' || node.items.length < 2) return NONE;
  const items = node.items;
  const seen = items.length > PAIRWISE ? new Set<string>() : undefined;
  let repeated: RepeatedItem[] | undefined;
  for (let index = 0; index < items.length; index++) {
    const item = items[index];
    if (item.kind !== 'scalar' || typeof item.value !== 'string') continue;
    let earlier = false;
    if (seen) {
      earlier = seen.has(item.value);
      seen.add(item.value);
    } else for (let j = 0; j < index && !earlier; j++) earlier = items[j].kind === 'scalar' && (items[j] as YamlScalar).value === item.value;
    if (!earlier) continue;
    const edit = removeSeqItem(rule.file.text, node, index);
    (repeated ??= []).push({ item, text: item.value, ...(edit ? { fix: [edit] } : {}) });
  }
  return repeated ?? NONE;
}
