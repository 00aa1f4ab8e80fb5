import yaml from 'js-yaml';
import type { Diagnostic, Span } from '../core/diagnostic.js';
import type { SourceFile } from '../core/source.js';
import { compact } from './compact.js';
import { YAML11_SCHEMA } from './yaml-schema.js';
import { scalarText, type ScalarStyle, type ScalarValue, type YamlMap, type YamlMapEntry, type YamlNode, type YamlScalar } from './yaml-node.js';

/**
 * Parses every YAML document of a file into located nodes in one pass: js-yaml's `listener`
 * reports each node's open and close position, and the tree is rebuilt from those events
 * (js-yaml's own result objects are used only for the typed scalar values).
 */

export interface YamlDocument {
  /** 0-based index of the document in the file. */
  index: number;
  root: YamlNode;
}

export interface YamlParseResult {
  documents: YamlDocument[];
  diagnostics: Diagnostic[];
  /** Documents that could not be read (syntax errors, alias limit); they still count as documents of the file. */
  brokenDocuments: number;
}

export interface YamlLimits {
  /** Nodes a document may hold once every alias is expanded (a billion-laughs guard). */
  maxExpandedNodes: number;
  /** Alias uses per document. */
  maxAliases: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxExpandedNodes: 100_000, maxAliases: 1_000 };

interface Built {
  node: YamlNode;
  /** js-yaml's value for this node, used to recognise the duplicate open/close pairs around block entries. */
  result: unknown;
  /** Offset where the node's properties (tag, anchor) or content start. */
  start: number;
  /** Node count with every alias expanded. */
  size: number;
}

interface Frame {
  open: number;
  /** Allocated on the first child: most nodes are scalars. */
  children: Built[] | null;
}

class AliasLimitError extends Error {
  constructor(readonly offset: number, readonly endOffset: number, message: string) {
    super(message);
  }
}

interface ListenerState {
  position: number;
  kind: string | null;
  result: unknown;
}

const DOCUMENT_START = /^---(?=[ \t\r\n]|$)/gm;
const NO_CHILDREN: Built[] = [];

export function parseYamlDocuments(source: SourceFile, limits: YamlLimits = DEFAULT_YAML_LIMITS): YamlParseResult {
  const text = source.text;
  const documents: YamlDocument[] = [];
  const diagnostics: Diagnostic[] = [];
  let brokenDocuments = 0;
  let documentIndex = 0;
  // js-yaml strips a byte order mark, which would shift every offset by one.
  let base = text.charCodeAt(0) === 0xfeff ? 1 : 0;

  while (base < text.length) {
    const builder = new TreeBuilder(source, base, limits);
    const chunk = base === 0 ? text : text.slice(base);
    try {
      yaml.loadAll(chunk, undefined, {
        schema: YAML11_SCHEMA,
        json: true,
        listener: (event, state) => builder.event(event, state as unknown as ListenerState),
      });
      for (const root of builder.roots) if (!isEmptyDocument(root)) documents.push({ index: documentIndex++, root });
      diagnostics.push(...builder.diagnostics);
      break;
    } catch (error) {
      let errorOffset: number;
      if (error instanceof AliasLimitError) {
        errorOffset = error.offset;
        diagnostics.push(diagnostic(source, 'yaml/alias-limit', error.message, error.offset, error.endOffset,
          'Sigma rules have no need for YAML anchors that expand this much; write the values out.'));
      } else if (error instanceof yaml.YAMLException) {
        errorOffset = base + (error.mark?.position ?? 0);
        diagnostics.push(syntaxDiagnostic(source, error, errorOffset));
      } else {
        throw error;
      }
      // Keep the documents completed before the broken one, then resume at the next `---`.
      const roots = builder.roots;
      const last = builder.rootEnds[roots.length - 1];
      const lastIsBroken = roots.length > 0 && !hasDocumentStartBetween(text, last, errorOffset);
      const kept = lastIsBroken ? roots.slice(0, -1) : roots;
      for (const root of kept) if (!isEmptyDocument(root)) documents.push({ index: documentIndex++, root });
      diagnostics.push(...builder.diagnostics);
      documentIndex++;
      brokenDocuments++;
      const errorLineStart = text.lastIndexOf('\n', errorOffset - 1) + 1;
      const next = nextDocumentStart(text, Math.max(errorLineStart, base + 1) - 1);
      if (next < 0) break;
      base = next;
    }
  }
  return { documents, diagnostics, brokenDocuments };
}

function isEmptyDocument(root: YamlNode): boolean {
  return root.kind === 'scalar' && root.value === null && root.source === '';
}

function hasDocumentStartBetween(text: string, from: number, to: number): boolean {
  const next = nextDocumentStart(text, from - 1);
  return next >= 0 && next <= to;
}

/** Offset of the first line starting with `---` after `offset`, or -1. */
function nextDocumentStart(text: string, offset: number): number {
  DOCUMENT_START.lastIndex = offset + 1;
  const match = DOCUMENT_START.exec(text);
  return match ? match.index : -1;
}

function syntaxDiagnostic(source: SourceFile, error: yaml.YAMLException, offset: number): Diagnostic {
  const reason = (error.reason || error.message || 'unreadable YAML').replace(/\s+/g, ' ').trim();
  const at = Math.min(offset, source.text.length);
  const end = at < source.text.length && source.text[at] !== '\n' && source.text[at] !== '\r' ? at + 1 : at;
  return diagnostic(source, 'yaml/syntax-error', `The YAML cannot be read: ${reason}.`, at, end,
    'The rest of this document is skipped; the other documents of the file are still checked.');
}

export function diagnostic(source: SourceFile, id: string, message: string, offset: number, endOffset: number, hint?: string,
  severity: Diagnostic['severity'] = 'error'): Diagnostic {
  const result: Diagnostic = { id, severity, message, file: source.path, span: source.span(offset, endOffset) };
  if (hint) result.hint = hint;
  return result;
}

class TreeBuilder {
  readonly roots: YamlNode[] = [];
  readonly rootEnds: number[] = [];
  readonly diagnostics: Diagnostic[] = [];
  private readonly stack: Frame[] = [];
  private anchors = new Map<string, Built>();
  private aliasUses = 0;
  private expandedNodes = 0;
  private readonly text: string;

  constructor(private readonly source: SourceFile, private readonly base: number, private readonly limits: YamlLimits) {
    this.text = source.text;
  }

  event(event: string, state: ListenerState): void {
    const position = state.position + this.base;
    if (event === 'open') {
      this.stack.push({ open: position, children: null });
      return;
    }
    const frame = this.stack.pop()!;
    const built = this.close(frame, position, state);
    const parent = this.stack[this.stack.length - 1];
    if (parent) {
      if (parent.children) parent.children.push(built);
      else parent.children = [built];
    } else {
      this.roots.push(built.node);
      this.rootEnds.push(position);
      this.anchors = new Map();
      this.aliasUses = 0;
      this.expandedNodes = 0;
    }
  }

  private close(frame: Frame, position: number, state: ListenerState): Built {
    const children = frame.children ?? NO_CHILDREN;
    // Block sequence entries are composed twice (an outer wrapper around the real node).
    if (children.length === 1 && children[0].result === state.result) return children[0];

    const start = skipToContent(this.text, frame.open);
    const first = this.text.charCodeAt(start);
    let contentStart = start;
    let anchor: string | undefined;
    if (first === 0x21 /* ! */ || first === 0x26 /* & */) ({ contentStart, anchor } = readProperties(this.text, start));
    let built: Built;
    switch (state.kind) {
      case 'mapping':
        built = this.buildMap(children, start, contentStart, position, state.result);
        break;
      case 'sequence': {
        const end = this.collectionEnd(contentStart, position, children);
        let size = 1;
        for (const child of children) size += child.size;
        built = {
          node: { kind: 'seq', items: children.map((c) => c.node), span: this.source.span(contentStart, end) },
          result: state.result,
          start,
          size,
        };
        break;
      }
      case 'scalar':
        built = { node: this.scalar(state.result as ScalarValue, contentStart, position), result: state.result, start, size: 1 };
        break;
      default:
        if (state.result !== null && state.result !== undefined && this.text.charCodeAt(contentStart) === 0x2a /* * */) {
          built = this.alias(contentStart, state.result);
        } else {
          const at = skipSpaces(this.text, frame.open);
          built = {
            node: { kind: 'scalar', value: null, style: 'plain', source: '', span: this.source.span(at, at) },
            result: null,
            start: at,
            size: 1,
          };
        }
    }
    if (anchor !== undefined && !(state.kind === 'mapping' && children[0] && children[0].start === start)) {
      this.anchors.set(anchor, built);
    }
    return built;
  }

  private alias(offset: number, result: unknown): Built {
    let end = offset + 1;
    while (end < this.text.length && !/[\s,\[\]{}]/.test(this.text[end])) end++;
    const name = this.text.slice(offset + 1, end);
    const target = this.anchors.get(name);
    this.aliasUses++;
    if (this.aliasUses > this.limits.maxAliases) {
      throw new AliasLimitError(offset, end,
        `This document uses YAML aliases more than ${this.limits.maxAliases} times; it is not read any further.`);
    }
    const size = target?.size ?? 1;
    this.expandedNodes += size;
    if (this.expandedNodes > this.limits.maxExpandedNodes) {
      throw new AliasLimitError(offset, end,
        `The alias \`*${name}\` expands this document beyond ${this.limits.maxExpandedNodes} nodes (an alias bomb); it is not read any further.`);
    }
    if (target) return { node: target.node, result, start: offset, size };
    // An alias js-yaml resolved but we did not record (should not happen): keep its value as a plain scalar.
    return { node: this.scalar(String(result), offset, end), result, start: offset, size: 1 };
  }

  private buildMap(children: Built[], start: number, contentStart: number, position: number, result: unknown): Built {
    const entries: YamlMapEntry[] = [];
    const seen = new Map<string, number>();
    let size = 1;
    // When the mapping's properties belong to its first key, the map starts where the key does.
    const mapStart = children[0] && children[0].start === start ? children[0].node.span.offset : contentStart;
    let merged: YamlMap[] | undefined;
    for (let i = 0; i + 1 < children.length; i += 2) {
      const keyBuilt = children[i];
      const key = this.asKey(keyBuilt.node);
      const value = children[i + 1].node;
      size += keyBuilt.size + children[i + 1].size;
      // YAML 1.1 merge key (`<<: *defaults`), as PyYAML applies it: explicit keys win.
      if (key.style === 'plain' && key.source === '<<' && (value.kind === 'map' || (value.kind === 'seq' && value.items.every((item) => item.kind === 'map')))) {
        merged ??= [];
        if (value.kind === 'map') merged.push(value);
        else merged.push(...(value.items as YamlMap[]));
        continue;
      }
      const name = typeof key.value === 'string' ? key.value : scalarText(key.value);
      const previous = seen.get(name);
      if (previous !== undefined) {
        const first = entries[previous].key.span;
        this.diagnostics.push(diagnostic(this.source, 'yaml/duplicate-key',
          `The key \`${name}\` appears twice in this mapping; the later value is used.`,
          key.span.offset, key.span.endOffset,
          `The first \`${name}\` is on line ${first.line}; remove one of them or merge their values.`));
        entries[previous] = { key, value };
      } else {
        seen.set(name, entries.length);
        entries.push({ key, value });
      }
    }
    if (merged) {
      for (const source of merged) {
        for (const entry of source.entries) {
          const name = scalarText(entry.key.value);
          if (seen.has(name)) continue;
          seen.set(name, entries.length);
          entries.push(entry);
        }
      }
    }
    const end = this.collectionEnd(mapStart, position, children, children.length & ~1);
    const node: YamlMap = { kind: 'map', entries: compact(entries), span: this.source.span(mapStart, end) };
    return { node, result, start, size };
  }

  private asKey(node: YamlNode): YamlScalar {
    if (node.kind === 'scalar') return node;
    const text = this.text.slice(node.span.offset, node.span.endOffset);
    return { kind: 'scalar', value: text, style: 'plain', source: text, span: node.span };
  }

  /** Flow collections end at their closing bracket; block collections at the end of their last child. */
  private collectionEnd(contentStart: number, position: number, children: Built[], count: number = children.length): number {
    const first = this.text.charCodeAt(contentStart);
    if (first === 0x7b /* { */ || first === 0x5b /* [ */) return trimBack(this.text, position, contentStart);
    let end = contentStart;
    for (let i = 0; i < count; i++) {
      const childEnd = children[i].node.span.endOffset;
      if (childEnd > end) end = childEnd;
    }
    return end;
  }

  private scalar(value: ScalarValue, start: number, position: number): YamlScalar {
    const end = trimBack(this.text, position, start);
    if (typeof value === 'string' && value.length === end - start && this.text.startsWith(value, start)) {
      // Plain text that reads as itself: one string for value and source. A long string of js-yaml's
      // is a slice of its own copy of the file, which the slice would keep alive for the whole run;
      // a slice of the file text we keep anyway holds nothing more.
      const text = value.length < SLICE_MIN_LENGTH ? value : this.text.slice(start, end);
      return { kind: 'scalar', value: text, style: styleOf(text), source: text, span: this.source.span(start, end) };
    }
    const source = this.text.slice(start, end);
    const style = styleOf(source);
    // The same for a quoted value written without escapes.
    if (typeof value === 'string' && value.length >= SLICE_MIN_LENGTH && (style === 'single' || style === 'double')
      && value.length === end - start - 2 && this.text.startsWith(value, start + 1)) {
      value = this.text.slice(start + 1, end - 1);
    }
    return { kind: 'scalar', value, style, source, span: this.source.span(start, end) };
  }
}

/** V8 makes a slice of a string this long or longer a view into it (shorter ones are copied). */
const SLICE_MIN_LENGTH = 13;

function styleOf(source: string): ScalarStyle {
  switch (source.charCodeAt(0)) {
    case 0x27: return 'single';
    case 0x22: return 'double';
    case 0x7c: return 'literal';
    case 0x3e: return 'folded';
    default: return 'plain';
  }
}

/** Skips spaces, line breaks and comments: js-yaml reports a node's open position before them. */
export function skipToContent(text: string, offset: number): number {
  let i = offset;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
    else if (c === 0x23 /* # */ && (i === 0 || isBlank(text.charCodeAt(i - 1)))) {
      while (i < text.length && text.charCodeAt(i) !== 0x0a) i++;
    } else break;
  }
  return i;
}

function isBlank(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;
}

function skipSpaces(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && (text.charCodeAt(i) === 0x20 || text.charCodeAt(i) === 0x09)) i++;
  return i;
}

function trimBack(text: string, end: number, floor: number): number {
  let i = Math.min(end, text.length);
  while (i > floor) {
    const c = text.charCodeAt(i - 1);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) break;
    i--;
  }
  return i;
}

/** Reads a node's tag and anchor (`!tag &name`) and returns where its content starts. */
function readProperties(text: string, offset: number): { contentStart: number; anchor?: string } {
  let i = offset;
  let anchor: string | undefined;
  for (;;) {
    const c = text.charCodeAt(i);
    if (c !== 0x21 /* ! */ && c !== 0x26 /* & */) break;
    let end = i + 1;
    if (c === 0x21 && text.charCodeAt(end) === 0x3c /* < */) {
      while (end < text.length && text.charCodeAt(end) !== 0x3e) end++;
      end++;
    }
    while (end < text.length && !/[\s,\[\]{}]/.test(text[end])) end++;
    if (c === 0x26) anchor = text.slice(i + 1, end);
    i = skipToContent(text, end);
  }
  return { contentStart: i, anchor };
}
