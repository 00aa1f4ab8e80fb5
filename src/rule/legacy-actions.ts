import type { Diagnostic } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import type { YamlDocument } from './yaml-load.js';
import { mapEntry, type YamlMap, type YamlNode } from './yaml-node.js';

/**
 * Sigma v1 collections (`action: global` / `reset` / `repeat`), still read by pySigma and still found
 * in older rule repositories: `global` sets a template deep-merged into the documents after it,
 * `reset` clears it, `repeat` merges the document into the previous rule. Each use is a warning.
 * Documents that are not mappings are reported here and produce no rule.
 */

export interface RuleDocument {
  index: number;
  root: YamlMap;
}

export function mergeLegacyDocuments(documents: YamlDocument[], source: SourceFile, diagnostics: Diagnostic[]): RuleDocument[] {
  const out: RuleDocument[] = [];
  let template: YamlMap | undefined;
  let previous: YamlMap | undefined;
  for (const document of documents) {
    const root = document.root;
    if (root.kind !== 'map') {
      const what = root.kind === 'seq' ? 'a list' : `the scalar \`${root.source.length > 30 ? `${root.source.slice(0, 27)}…` : root.source}\``;
      diagnostics.push({
        id: 'rule/not-a-mapping',
        severity: 'error',
        message: `A rule document must be a mapping of keys such as \`title\` and \`detection\`; this document is ${what}.`,
        file: source.path,
        span: root.span,
      });
      continue;
    }
    const action = mapEntry(root, 'action');
    if (action) {
      const name = action.value.kind === 'scalar' ? action.value.value : undefined;
      const known = name === 'global' || name === 'reset' || name === 'repeat';
      diagnostics.push({
        id: known ? 'rule/legacy-action' : 'rule/unknown-action',
        severity: known ? 'warning' : 'error',
        message: known
          ? `\`action: ${name}\` is Sigma v1 collection syntax; Sigma v2 has no actions.`
          : `\`action\` must be \`global\`, \`reset\` or \`repeat\` (Sigma v1 collections); found \`${action.value.kind === 'scalar' ? action.value.source : action.value.kind}\`.`,
        file: source.path,
        span: action.value.span,
        hint: known ? 'Write each rule out as a complete document.' : undefined,
      });
      const rest: YamlMap = { ...root, entries: root.entries.filter((entry) => entry !== action) };
      if (name === 'global') {
        template = rest;
        continue;
      }
      if (name === 'reset') {
        template = undefined;
        continue;
      }
      if (name === 'repeat') {
        if (!previous) {
          diagnostics.push({ id: 'rule/unknown-action', severity: 'error', message: '`action: repeat` needs a rule before it to repeat.', file: source.path, span: action.value.span });
          continue;
        }
        const merged = mergeMaps(previous, rest);
        out.push({ index: document.index, root: merged });
        previous = merged;
        continue;
      }
      continue;
    }
    const merged = template ? mergeMaps(template, root) : root;
    out.push({ index: document.index, root: merged });
    previous = merged;
  }
  return out;
}

/** Deep merge of located maps: keys of `over` win, nested maps merge, everything keeps its own span. */
export function mergeMaps(base: YamlMap, over: YamlMap): YamlMap {
  const entries = base.entries.map((entry) => {
    const replacement = mapEntry(over, String(entry.key.value));
    if (!replacement) return entry;
    const value: YamlNode =
      entry.value.kind === 'map' && replacement.value.kind === 'map' ? mergeMaps(entry.value, replacement.value) : replacement.value;
    return { key: replacement.key, value };
  });
  for (const entry of over.entries) if (!mapEntry(base, String(entry.key.value))) entries.push(entry);
  return { kind: 'map', entries, span: over.span };
}
