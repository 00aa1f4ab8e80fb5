import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from '../core/diagnostic.js';
import { FILE_START } from '../core/diagnostic.js';
import { locateJsonError } from '../core/json-error.js';
import { relativePath } from '../core/paths.js';
import { SourceFile } from '../core/source.js';
import { toPlain, type YamlNode } from '../rule/yaml-node.js';
import { createCatalogSet } from './catalog-set.js';
import { readEmmRepository } from './emm-reader.js';
import { parseLocatedText } from './located-yaml.js';
import type { Catalog, CatalogOutline, CatalogSet, LoadedCatalog } from './model.js';
import { CATALOG_FORMAT_VERSION } from './model.js';
import { validateCatalogData } from './validate.js';
import { fileErrorReason } from '../core/file-errors.js';

/**
 * Loading catalogs: the built-in ones (`catalogs/*.json`, trusted, validated by the test suite, so
 * read with a plain JSON.parse, lazily and once), user catalog files (JSON or YAML, validated with located
 * diagnostics) and an EMM repository checkout.
 */

export const BUILTIN_CATALOG_IDS = ['udr', 'intune', 'emm', 'windows'] as const;
export type BuiltinCatalogId = (typeof BUILTIN_CATALOG_IDS)[number];

interface BuiltinIndex {
  catalogs: { id: BuiltinCatalogId; file: string; sources: CatalogOutline['sources'] }[];
}

const builtinCache = new Map<BuiltinCatalogId, LoadedCatalog>();
let builtinIndex: BuiltinIndex | undefined;

function catalogsDir(): URL {
  return new URL('../../catalogs/', import.meta.url);
}

export function builtinCatalogPath(id: BuiltinCatalogId): string {
  return fileURLToPath(new URL(`${id}.json`, catalogsDir()));
}

function readBuiltinIndex(): BuiltinIndex {
  builtinIndex ??= JSON.parse(readFileSync(new URL('index.json', catalogsDir()), 'utf8')) as BuiltinIndex;
  return builtinIndex;
}

/**
 * One built-in catalog. Its outline (source ids and logsources) comes from `catalogs/index.json`;
 * the catalog file itself is parsed when `catalog` is first read, once per process.
 */
export function loadBuiltinCatalog(id: BuiltinCatalogId): LoadedCatalog {
  let loaded = builtinCache.get(id);
  if (!loaded) {
    const entry = readBuiltinIndex().catalogs.find((c) => c.id === id);
    const file = new URL(entry?.file ?? `${id}.json`, catalogsDir());
    let catalog: Catalog | undefined;
    loaded = {
      get catalog(): Catalog {
        catalog ??= JSON.parse(readFileSync(file, 'utf8')) as Catalog;
        return catalog;
      },
      origin: { kind: 'builtin', path: `catalogs/${id}.json` },
      diagnostics: [],
    };
    if (entry) loaded.outline = { sources: entry.sources };
    builtinCache.set(id, loaded);
  }
  return loaded;
}

/** All built-in catalogs (optionally without some, e.g. `emm` when an EMM checkout replaces it). */
export function loadBuiltinCatalogs(options: { exclude?: BuiltinCatalogId[] } = {}): LoadedCatalog[] {
  return BUILTIN_CATALOG_IDS.filter((id) => !options.exclude?.includes(id)).map(loadBuiltinCatalog);
}

/**
 * A user catalog file, JSON or YAML. A file that cannot be read or does not match the schema gives
 * located diagnostics and a catalog without sources, so the run goes on.
 */
export function loadCatalogFile(filePath: string, cwd: string = process.cwd()): LoadedCatalog {
  const absPath = path.resolve(cwd, filePath);
  const display = relativePath(absPath, cwd);
  const empty = (diagnostics: Diagnostic[]): LoadedCatalog => ({
    catalog: { formatVersion: CATALOG_FORMAT_VERSION, id: path.basename(absPath).replace(/\.(json|ya?ml)$/i, ''), title: display, sources: [] },
    origin: { kind: 'user', path: display },
    diagnostics,
  });
  let text: string;
  try {
    text = readFileSync(absPath, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return empty([
      {
        id: 'catalog/unreadable-file',
        severity: 'error',
        message: code === 'ENOENT' ? `The catalog file \`${display}\` does not exist.` : `The catalog file \`${display}\` cannot be read: ${fileErrorReason(error, absPath)}.`,
        file: display,
        span: FILE_START,
      },
    ]);
  }
  const source = new SourceFile(display, absPath, text);
  let data: unknown;
  let root: YamlNode | undefined;
  if (/\.json$/i.test(absPath)) {
    try {
      data = JSON.parse(text);
    } catch (error) {
      return empty([jsonSyntaxDiagnostic(source, error as Error)]);
    }
  } else {
    const located = parseLocatedText(source);
    if (located.diagnostics.some((d) => d.severity === 'error') || !located.root) {
      return empty(located.diagnostics.length ? located.diagnostics : [{ id: 'catalog/empty-file', severity: 'error', message: 'The catalog file is empty.', file: display, span: FILE_START }]);
    }
    root = located.root;
    data = toPlain(root);
  }
  // JSON files are located (parsed a second time, with positions) only when there is a problem to point at.
  const diagnostics = validateCatalogData(data, source, () => root ?? parseLocatedText(source).root);
  if (diagnostics.some((d) => d.severity === 'error')) return empty(diagnostics);
  return { catalog: data as Catalog, origin: { kind: 'user', path: display }, diagnostics };
}

function jsonSyntaxDiagnostic(source: SourceFile, error: Error): Diagnostic {
  const located = locateJsonError(source.text) ?? { offset: 0, message: error.message };
  const offset = Math.min(located.offset, source.text.length);
  return { id: 'catalog/json-syntax', severity: 'error', message: `The catalog is not valid JSON: ${located.message}.`, file: source.path, span: source.span(offset, Math.min(offset + 1, source.text.length)) };
}

export interface CatalogSetOptions {
  /** User catalog files (absolute or relative to `cwd`). */
  catalogs?: string[];
  /** An EMM repository checkout; its sources replace the built-in EMM catalog. */
  emm?: string;
  cwd?: string;
  /** Include the built-in catalogs (default true). */
  builtin?: boolean;
}

/** Built-in catalogs, then the EMM checkout, then user catalogs, as one set of lookups. */
export function loadCatalogSet(options: CatalogSetOptions = {}): CatalogSet {
  const cwd = options.cwd ?? process.cwd();
  const loaded: LoadedCatalog[] = [];
  if (options.builtin !== false) loaded.push(...loadBuiltinCatalogs({ exclude: options.emm ? ['emm'] : [] }));
  if (options.emm) loaded.push(readEmmRepository(path.resolve(cwd, options.emm), { cwd }));
  for (const file of options.catalogs ?? []) loaded.push(loadCatalogFile(file, cwd));
  return createCatalogSet(loaded);
}
