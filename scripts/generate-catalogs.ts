/**
 * Generates the built-in catalogs (`catalogs/*.json`) from the reference documents and corpora in
 * `../shared/` (read here only; rulecheck never needs them at run time).
 *
 *   npx tsx scripts/generate-catalogs.ts [--out DIR] [--shared DIR] [--check]
 *
 * `--check` compares with the files in the output folder instead of writing, and fails when they differ.
 * The output depends only on the inputs: running it twice gives identical files.
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Catalog } from '../src/catalog/model.js';
import { readEmmDefinitions } from '../src/catalog/emm-reader.js';
import { buildUdrCatalog } from './catalogs/udr.js';
import { buildIntuneCatalog } from './catalogs/intune.js';
import { buildWindowsCatalog } from './catalogs/windows.js';
import { buildEmmCatalogFromSources, type EmmBuildReport } from './catalogs/emm.js';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEFAULT_SHARED = path.resolve(REPO_ROOT, '../shared');

export const SEED_FILES = {
  udr: 'seeds/000_0317029bd909f6c8.txt',
  intune: 'seeds/001_ebc0820185a6f543.txt',
  emm: 'seeds/002_ee5aa98be8f3d4b1.txt',
  emmRepository: 'corpora/emm',
  sigmahqLogsources: 'corpora/sigmahq/tests/logsource.json',
};

export interface GeneratedCatalogs {
  /** File name (in `catalogs/`) → serialised content. */
  files: Map<string, string>;
  emmReport: EmmBuildReport;
}

export function generateCatalogs(sharedDir: string = DEFAULT_SHARED): GeneratedCatalogs {
  const read = (relative: string) => readFileSync(path.join(sharedDir, relative), 'utf8');
  const definitions = readEmmDefinitions(path.join(sharedDir, SEED_FILES.emmRepository), { cwd: sharedDir });
  const { catalog: emm, report } = buildEmmCatalogFromSources(definitions, read(SEED_FILES.emm));
  const catalogs: [string, Catalog][] = [
    ['udr.json', buildUdrCatalog(read(SEED_FILES.udr))],
    ['intune.json', buildIntuneCatalog(read(SEED_FILES.intune))],
    ['emm.json', emm],
    ['windows.json', buildWindowsCatalog(read(SEED_FILES.sigmahqLogsources))],
  ];
  const files = new Map<string, string>();
  for (const [name, catalog] of catalogs) files.set(name, serialiseCatalog(catalog));
  files.set('index.json', `${JSON.stringify(catalogIndex(catalogs), null, 1)}\n`);
  return { files, emmReport: report };
}

/**
 * `catalogs/index.json`: each built-in catalog's source ids and logsources, so rulecheck can find
 * the source a rule selects (or a sample reference names) and parse only that catalog.
 */
export function catalogIndex(catalogs: [string, Catalog][]): object {
  return {
    formatVersion: 1,
    catalogs: catalogs.map(([file, catalog]) => ({
      id: catalog.id,
      file,
      sources: catalog.sources.map((source) => ({ id: source.id, logsources: source.logsources })),
    })),
  };
}

export function serialiseCatalog(catalog: Catalog): string {
  return `${JSON.stringify(catalog, null, 1)}\n`;
}

function main(): number {
  const { values } = parseArgs({
    options: { out: { type: 'string' }, shared: { type: 'string' }, check: { type: 'boolean' } },
  });
  const outDir = path.resolve(values.out ?? path.join(REPO_ROOT, 'catalogs'));
  const shared = path.resolve(values.shared ?? DEFAULT_SHARED);
  if (!existsSync(shared)) {
    process.stderr.write(`generate-catalogs: ${shared} does not exist; the generator needs the reference documents.\n`);
    return 2;
  }
  const { files, emmReport } = generateCatalogs(shared);
  let stale = 0;
  if (!values.check) mkdirSync(outDir, { recursive: true });
  for (const [name, content] of files) {
    const target = path.join(outDir, name);
    if (values.check) {
      const current = existsSync(target) ? readFileSync(target, 'utf8') : '';
      if (current !== content) {
        stale++;
        process.stderr.write(`${name}: differs from what the generator produces\n`);
      }
    } else {
      writeFileSync(target, content);
      process.stdout.write(`wrote ${path.relative(process.cwd(), target)} (${content.length} bytes)\n`);
    }
  }
  process.stdout.write(
    `EMM: ${emmReport.matchedSamples} page samples matched to repository example declarations, ` +
      `${emmReport.differingSamples.length} differ from the repository file, ` +
      `${emmReport.supportMismatches.length} attributes where page and definitions disagree (noted in the catalog).\n`,
  );
  return stale > 0 ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
