import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Span } from '../core/diagnostic.js';
import { discoverRuleFiles, loadRuleFile } from './load.js';
import type { YamlNode } from './yaml-node.js';
import { parseYamlDocuments } from './yaml-load.js';

/**
 * Every node of every SigmaHQ rule, as the loader builds it: its span's lines and columns are those
 * of its offsets (counted here from the file text), a scalar's source is the text under its span,
 * and a plain scalar that reads as itself has that text as its value. The loader shares spans and
 * strings between nodes and trims its lists; none of that may move a position.
 */

const corpus = resolve(__dirname, '../../../shared/corpora/sigmahq');
const present = existsSync(corpus);
if (!present) console.warn(`skipping the located-tree corpus test: ${corpus} is not there`);

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function position(starts: number[], offset: number): [number, number] {
  let line = 0;
  while (line + 1 < starts.length && starts[line + 1] <= offset) line++;
  return [line + 1, offset - starts[line] + 1];
}

describe.skipIf(!present)('located YAML trees of the SigmaHQ corpus', () => {
  it('place every node where its text is', async () => {
    const files = discoverRuleFiles([corpus]);
    expect(files.length).toBeGreaterThan(3700);
    const problems: string[] = [];
    let nodes = 0;
    for (const file of files) {
      const loaded = loadRuleFile(file, corpus);
      const text = readFileSync(file, 'utf8');
      expect(loaded.source.text).toBe(text);
      const starts = lineStarts(text);
      const checkSpan = (span: Span, what: string) => {
        const [line, column] = position(starts, span.offset);
        const [endLine, endColumn] = position(starts, span.endOffset);
        if (span.line !== line || span.column !== column || span.endLine !== endLine || span.endColumn !== endColumn)
          problems.push(`${loaded.source.path}: ${what} at ${span.offset}–${span.endOffset} says ${span.line}:${span.column}–${span.endLine}:${span.endColumn}`);
      };
      const walk = (node: YamlNode) => {
        nodes++;
        checkSpan(node.span, node.kind);
        if (node.kind === 'scalar') {
          if (node.source !== text.slice(node.span.offset, node.span.endOffset)) problems.push(`${loaded.source.path}: source of the scalar at ${node.span.offset}`);
          if (node.style === 'plain' && typeof node.value === 'string' && node.value.length === node.source.length && node.value !== node.source)
            problems.push(`${loaded.source.path}: plain scalar at ${node.span.offset} reads as another text of the same length`);
        } else if (node.kind === 'map') {
          for (const entry of node.entries) {
            walk(entry.key);
            walk(entry.value);
          }
        } else {
          for (const item of node.items) walk(item);
        }
      };
      for (const document of parseYamlDocuments(loaded.source).documents) walk(document.root);
      for (const rule of loaded.rules) {
        if (rule.kind !== 'detection') continue;
        for (const search of rule.detection.searches)
          for (const alternative of search.alternatives)
            for (const item of alternative) {
              checkSpan(item.span, 'item');
              if (item.fieldSpan) {
                checkSpan(item.fieldSpan, 'field');
                expect(text.slice(item.fieldSpan.offset, item.fieldSpan.endOffset)).toBe(item.field);
              }
              for (const modifier of item.modifiers) expect(text.slice(modifier.span.offset, modifier.span.endOffset)).toBe(modifier.name);
            }
        for (const condition of rule.detection.conditions) {
          checkSpan(condition.span, 'condition');
          if (condition.expression) checkSpan(condition.expression.span, 'condition expression');
        }
      }
      for (const d of loaded.diagnostics) checkSpan(d.span, d.id);
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(nodes).toBeGreaterThan(200_000);
  }, 120_000);
});
