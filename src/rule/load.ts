import { closeSync, fstatSync, openSync, readSync, statSync } from 'node:fs';
import { basename, dirname, resolve, sep } from 'node:path';
import { compareDiagnostics, FILE_START, type Diagnostic } from '../core/diagnostic.js';
import { relativePath } from '../core/paths.js';
import { SourceFile } from '../core/source.js';
import { buildRule } from './build-rule.js';
import { compact } from './compact.js';
import { linkConditions } from './conditions.js';
import { decodeUtf8 } from './decode.js';
import { mergeLegacyDocuments } from './legacy-actions.js';
import type { LoadedFile, Rule } from './model.js';
import { validateRuleSchema } from './schema.js';
import { diagnostic, parseYamlDocuments } from './yaml-load.js';
import { fileErrorReason } from '../core/file-errors.js';
import { findFiles } from '../core/find-files.js';

/**
 * The loader: rule files → located YAML → Rule model, with every problem as a located diagnostic
 * (YAML, structure, schema, condition, field specs). A bad file never stops the others.
 */

export interface LoadOptions {
  /** Files larger than this are not read (a located error instead). Default 10 MB. */
  maxFileBytes?: number;
}

export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** Loads the rules of one file from its text; `path` is what diagnostics print. */
export function loadRuleText(path: string, text: string, absPath: string = resolve(path)): LoadedFile {
  return loadSource(new SourceFile(toPosix(path), absPath, text));
}

/** Reads and loads one rule file; paths in diagnostics are relative to `cwd`. */
export function loadRuleFile(absPath: string, cwd: string = process.cwd(), options: LoadOptions = {}): LoadedFile {
  const path = displayPathInFolder(absPath, cwd);
  const maxBytes = options.maxFileBytes ?? DEFAULT_MAX_FILE_BYTES;
  let bytes: Buffer;
  try {
    const read = readLimited(absPath, maxBytes);
    if (typeof read === 'number') {
      const source = new SourceFile(path, absPath, '');
      return fileProblem(source, 'file/too-large',
        `This file is ${formatBytes(read)}, more than the ${formatBytes(maxBytes)} a rule file may have; it is not read.`,
        'Rule files are small; check that this is the file you meant to include.');
    }
    bytes = read;
  } catch (error) {
    const source = new SourceFile(path, absPath, '');
    return fileProblem(source, 'file/unreadable', `This file cannot be read: ${fileErrorReason(error, absPath)}.`);
  }
  const decoded = decodeUtf8(bytes);
  if (!decoded.ok) {
    const source = new SourceFile(path, absPath, decoded.text);
    const d = diagnostic(source, 'file/not-utf8',
      `Byte ${decoded.byteOffset} (0x${bytes[decoded.byteOffset].toString(16).padStart(2, '0')}) is not valid UTF-8; Sigma rules are UTF-8 text.`,
      decoded.offset, decoded.offset + 1, utf16(bytes) ? 'The file looks like UTF-16; re-save it as UTF-8.' : 'Re-save the file as UTF-8.');
    return { source, rules: [], diagnostics: [d] };
  }
  return loadSource(new SourceFile(path, absPath, decoded.text));
}

/** The file's bytes, or its size when it is larger than `maxBytes` (then nothing is read). One open, one fstat. */
function readLimited(absPath: string, maxBytes: number): Buffer | number {
  const fd = openSync(absPath, 'r');
  try {
    const size = fstatSync(fd).size;
    if (size > maxBytes) return size;
    const buffer = Buffer.allocUnsafe(size);
    let filled = 0;
    while (filled < size) {
      const n = readSync(fd, buffer, filled, size - filled, filled);
      if (n === 0) break;
      filled += n;
    }
    return filled === size ? buffer : buffer.subarray(0, filled);
  } finally {
    closeSync(fd);
  }
}

function utf16(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function fileProblem(source: SourceFile, id: string, message: string, hint?: string): LoadedFile {
  const d: Diagnostic = { id, severity: 'error', message, file: source.path, span: FILE_START };
  if (hint) d.hint = hint;
  return { source, rules: [], diagnostics: [d] };
}

function loadSource(source: SourceFile): LoadedFile {
  try {
    return loadDocuments(source);
  } catch (error) {
    // A bug of ours must not stop the run: the file gets an error that says so, the others go on.
    const message = error instanceof Error ? error.message : String(error);
    return fileProblem(source, 'internal/loader-error', `rulecheck failed while loading this file (${message}); this is a bug in rulecheck.`,
      'Please report it with the file attached; the other files are still checked.');
  }
}

function loadDocuments(source: SourceFile): LoadedFile {
  const parsed = parseYamlDocuments(source);
  const diagnostics: Diagnostic[] = [...parsed.diagnostics];
  const rules: Rule[] = [];
  if (parsed.documents.length === 0 && parsed.brokenDocuments === 0) {
    diagnostics.push({ id: 'rule/empty-file', severity: 'error', message: 'This file holds no YAML document, so no rule.', file: source.path, span: FILE_START });
  }
  for (const document of mergeLegacyDocuments(parsed.documents, source, diagnostics)) {
    const built = buildRule(document.root, document.index, source);
    diagnostics.push(...built.diagnostics);
    diagnostics.push(...validateRuleSchema(document.root, built.rule?.kind ?? kindOf(document.root), source));
    if (built.rule) {
      diagnostics.push(...linkConditions(built.rule));
      rules.push(built.rule);
    }
  }
  diagnostics.sort(compareDiagnostics);
  return { source, rules: compact(rules), diagnostics: dedupe(diagnostics) };
}

function kindOf(root: import('./yaml-node.js').YamlMap): Rule['kind'] {
  if (root.entries.some((e) => e.key.value === 'correlation')) return 'correlation';
  if (root.entries.some((e) => e.key.value === 'filter')) return 'filter';
  return 'detection';
}

/** Merged legacy documents can report the same problem of a shared template once per rule. */
function dedupe(diagnostics: Diagnostic[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  let last: Diagnostic | undefined;
  for (const d of diagnostics) {
    if (last && compareDiagnostics(last, d) === 0 && last.severity === d.severity) continue;
    out.push(d);
    last = d;
  }
  return out;
}

/** A path given on the command line that does not exist. */
export class PathNotFoundError extends Error {
  constructor(readonly path: string) {
    super(`\`${path}\` does not exist.`);
  }
}

/**
 * Every `.yml`/`.yaml` file under the given paths (files given directly are kept whatever their
 * extension), as absolute paths, sorted and without duplicates.
 */
export function discoverRuleFiles(paths: string[], cwd: string = process.cwd()): string[] {
  const found = new Set<string>();
  for (const path of paths) {
    const abs = resolve(cwd, path);
    let isDirectory: boolean;
    try {
      isDirectory = statSync(abs).isDirectory();
    } catch {
      throw new PathNotFoundError(path);
    }
    if (!isDirectory) {
      found.add(abs);
      continue;
    }
    for (const file of findFiles('**/*.{yml,yaml}', { cwd: abs })) found.add(file);
  }
  return [...found].sort();
}

/** A path as the loader's reports show it (see src/core/paths.ts). */
export const displayPath = relativePath;

/** Display paths of folders, by working directory and folder: rule files come thousands to a few folders. */
const folderPaths = new Map<string, string>();

/** `displayPath`, with the folder's part computed once per folder. */
function displayPathInFolder(absPath: string, cwd: string): string {
  const folder = dirname(absPath);
  const key = `${cwd}\u0000${folder}`;
  let shown = folderPaths.get(key);
  if (shown === undefined) {
    shown = relativePath(folder, cwd);
    if (folderPaths.size >= 10_000) folderPaths.clear();
    folderPaths.set(key, shown);
  }
  const name = basename(absPath);
  return shown === '.' ? name : shown.endsWith('/') ? `${shown}${name}` : `${shown}/${name}`;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (bytes >= 1024) return `${(bytes / 1024).toFixed(1).replace(/\.0$/, '')} KB`;
  return `${bytes} bytes`;
}
