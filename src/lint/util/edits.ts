import type { TextEdit } from '../../core/diagnostic.js';
import type { YamlNode, YamlScalar, YamlSeq } from '../../rule/yaml-node.js';

/**
 * Text edits that fixes are built from. Each returns undefined when the layout is not one it can
 * edit safely (comments in the way, anchors, unusual flow styles): no fix is better than a wrong one.
 */

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineEnd(text: string, offset: number): number {
  const end = text.indexOf('\n', offset);
  return end === -1 ? text.length : end + 1;
}

function isFlow(text: string, seq: YamlSeq): boolean {
  return text[seq.span.offset] === '[';
}

/** Remove one item of a sequence (block: its whole line; flow: the item and one comma). */
export function removeSeqItem(text: string, seq: YamlSeq, index: number): TextEdit | undefined {
  const item = seq.items[index];
  if (!item) return undefined;
  if (isFlow(text, seq)) {
    if (seq.items.length === 1) return undefined;
    if (index > 0) {
      const previous = seq.items[index - 1];
      const between = text.slice(previous.span.endOffset, item.span.offset);
      if (!/^\s*,\s*$/.test(between)) return undefined;
      return { offset: previous.span.endOffset, endOffset: item.span.endOffset, text: '' };
    }
    const next = seq.items[index + 1];
    const between = text.slice(item.span.endOffset, next.span.offset);
    if (!/^\s*,\s*$/.test(between)) return undefined;
    return { offset: item.span.offset, endOffset: next.span.offset, text: '' };
  }
  const start = lineStart(text, item.span.offset);
  if (!/^[ \t]*-[ \t]+$/.test(text.slice(start, item.span.offset))) return undefined;
  const end = lineEnd(text, item.span.endOffset);
  if (!/^[ \t]*(#.*)?\r?\n?$/.test(text.slice(item.span.endOffset, end))) return undefined;
  return { offset: start, endOffset: end, text: '' };
}

/** Replace a one-item sequence by its item, on the key's line: `key:\n  - 'x'` → `key: 'x'`. */
export function unwrapSingleItemSeq(text: string, key: YamlScalar, seq: YamlSeq): TextEdit | undefined {
  const item = seq.items[0];
  if (seq.items.length !== 1 || item.kind !== 'scalar' || item.source.includes('\n')) return undefined;
  if (isFlow(text, seq)) {
    if (text[seq.span.endOffset - 1] !== ']') return undefined;
    return { offset: seq.span.offset, endOffset: seq.span.endOffset, text: item.source };
  }
  const colon = text.indexOf(':', key.span.endOffset);
  if (colon === -1) return undefined;
  const between = text.slice(colon + 1, item.span.offset);
  if (!/^[ \t]*\r?\n[ \t]*-[ \t]+$/.test(between)) return undefined;
  return { offset: colon + 1, endOffset: item.span.offset, text: ' ' };
}

/** A scalar's source with `count` characters removed after the opening quote (or at the start when plain). */
export function trimScalarSource(scalar: YamlScalar, fromStart: number, fromEnd: number): string | undefined {
  const source = scalar.source;
  if (scalar.style === 'single' || scalar.style === 'double') {
    const inner = source.slice(1, -1);
    return source[0] + inner.slice(fromStart, inner.length - fromEnd) + source[source.length - 1];
  }
  if (scalar.style === 'plain') return quoteSingle(source.slice(fromStart, source.length - fromEnd));
  return undefined;
}

export function quoteSingle(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

export function replaceNode(node: YamlNode, text: string): TextEdit {
  return { offset: node.span.offset, endOffset: node.span.endOffset, text };
}

/** Apply non-overlapping edits (later ones that overlap an earlier one are dropped). */
export function applyEdits(text: string, edits: TextEdit[]): { text: string; applied: number } {
  const sorted = [...edits].sort((a, b) => a.offset - b.offset || a.endOffset - b.endOffset);
  let out = '';
  let cursor = 0;
  let applied = 0;
  for (const edit of sorted) {
    if (edit.offset < cursor) continue;
    out += text.slice(cursor, edit.offset) + edit.text;
    cursor = edit.endOffset;
    applied++;
  }
  return { text: out + text.slice(cursor), applied };
}
