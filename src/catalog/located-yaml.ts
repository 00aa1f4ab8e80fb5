import { readFileSync } from 'node:fs';
import type { Diagnostic, Span } from '../core/diagnostic.js';
import { FILE_START } from '../core/diagnostic.js';
import { relativePath } from '../core/paths.js';
import { SourceFile } from '../core/source.js';
import { parseYamlDocuments } from '../rule/yaml-load.js';
import type { YamlMap, YamlNode } from '../rule/yaml-node.js';
import { fileErrorReason } from '../core/file-errors.js';

/** Catalog files can be far larger than rules; allow more nodes, still bounded against alias bombs. */
const CATALOG_YAML_LIMITS = { maxExpandedNodes: 5_000_000, maxAliases: 1_000 };

export interface LocatedFile {
  source: SourceFile;
  /** Root node of the first document, absent when the file could not be read or parsed. */
  root?: YamlNode;
  diagnostics: Diagnostic[];
}

/** Reads and parses a YAML (or JSON) file into located nodes; problems become diagnostics. */
export function readLocatedYaml(absPath: string, cwd: string, idPrefix = 'catalog'): LocatedFile {
  const display = relativePath(absPath, cwd);
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (error) {
    const source = new SourceFile(display, absPath, '');
    return {
      source,
      diagnostics: [
        {
          id: `${idPrefix}/unreadable-file`,
          severity: 'error',
          message: `The file cannot be read: ${fileErrorReason(error, absPath)}.`,
          file: display,
          span: FILE_START,
        },
      ],
    };
  }
  return parseLocatedText(new SourceFile(display, absPath, text));
}

export function parseLocatedText(source: SourceFile): LocatedFile {
  const parsed = parseYamlDocuments(source, CATALOG_YAML_LIMITS);
  return { source, root: parsed.documents[0]?.root, diagnostics: parsed.diagnostics };
}

export function asMap(node: YamlNode | undefined): YamlMap | undefined {
  return node?.kind === 'map' ? node : undefined;
}

/** A span covering only the first line of a node (a whole map would underline many lines). */
export function headSpan(source: SourceFile, node: YamlNode): Span {
  const { offset, endOffset } = node.span;
  const newline = source.text.indexOf('\n', offset);
  const end = newline >= 0 && newline < endOffset ? newline : endOffset;
  return source.span(offset, Math.max(offset, end));
}
