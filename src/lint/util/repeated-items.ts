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

/** The string entries of a top-level list (`tags`, `references`, …) that repeat an earlier entry exactly. */
export function repeatedListItems(rule: Rule, key: string): RepeatedItem[] {
  const node = topLevelValue(rule, key);
  if (node?.kind !== 'seq') return [];
  const seen = new Set<string>();
  const repeated: RepeatedItem[] = [];
  node.items.forEach((item, index) => {
    if (item.kind !== 'scalar' || typeof item.value !== 'string') return;
    if (seen.has(item.value)) {
      const edit = removeSeqItem(rule.file.text, node, index);
      repeated.push({ item, text: item.value, ...(edit ? { fix: [edit] } : {}) });
    }
    seen.add(item.value);
  });
  return repeated;
}
