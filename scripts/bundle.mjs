// Bundles the compiled CLI (dist/cli/main.js and everything it imports, dependencies included) into
// one CommonJS file, dist/bundle/main.cjs, which bin/rulecheck.js runs through bin/load-bundle.js:
// one file read and compiled instead of several hundred small modules (most of the start-up time of
// a short run). Then runs that bundle on the project's own rules and saves V8's code cache of what
// ran beside it (main.cjs.cache), so that runs skip parsing and compiling those functions (about
// 0.1–0.2 s of a check of the SigmaHQ corpus: docs/performance.md).
// The bundle sits two folders below the package root, like every file of dist/, so
// `new URL('../../catalogs/', import.meta.url)` and the like point at the same place.
// Usage: node scripts/bundle.mjs [package root] (after tsc; `npm run build` runs both).
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadBundle } from '../bin/load-bundle.js';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'bundle');
// Built beside the old bundle and swapped in at the end: a run started meanwhile finds either.
const outdir = `${target}.${process.pid}`;
rmSync(outdir, { recursive: true, force: true });

// src/condition/chevrotain.ts loads chevrotain's single-file build with a top-level await, which a
// CommonJS bundle cannot hold; here that build is bundled in directly instead.
const chevrotainShim = {
  name: 'chevrotain-single-file',
  setup(esbuild) {
    esbuild.onLoad({ filter: /[\\/]dist[\\/]condition[\\/]chevrotain\.js$/ }, async (args) => {
      const names = /export const \{([^}]*)\} = chevrotain;/.exec(readFileSync(args.path, 'utf8'));
      if (!names) throw new Error(`${args.path} no longer re-exports chevrotain's names as \`export const { … } = chevrotain;\``);
      return { contents: `export {${names[1]}} from ${JSON.stringify(chevrotainSingleFile())};`, loader: 'js', resolveDir: root };
    });
  },
};

// The same file src/condition/chevrotain.ts looks for, or the package's entry point. The entry point pulls in
// lodash-es and makes the bundle 2.07 MB and its cache 1.64 MB, against 2.02 and 1.55 MB with the single file.
function chevrotainSingleFile() {
  const entry = createRequire(join(root, 'package.json')).resolve('chevrotain');
  const single = join(dirname(entry), '..', 'chevrotain.mjs');
  return existsSync(single) ? single : 'chevrotain';
}

await build({
  absWorkingDir: root,
  entryPoints: ['dist/cli/main.js'],
  outfile: join(outdir, 'main.cjs'),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  plugins: [chevrotainShim],
  define: { 'import.meta.url': '__rulecheckModuleUrl' },
  banner: { js: "const __rulecheckModuleUrl = require('node:url').pathToFileURL(__filename).href;" },
  legalComments: 'linked',
  logLevel: 'warning',
});

// A module more than two folders deep (dist/cli/commands/…) that reaches package files through
// import.meta.url would point one folder too high once bundled: refuse to ship that.
const bundled = readFileSync(join(outdir, 'main.cjs'), 'utf8');
const deep = /new URL\(\s*["'`](\.\.\/){3}/.exec(bundled);
if (deep) {
  console.error(`scripts/bundle.mjs: the bundle resolves \`${deep[0]}…\` against import.meta.url; ` +
    'bundled, that leaves the package. Read package files through a module two folders deep (src/cli/version.ts).');
  rmSync(outdir, { recursive: true, force: true });
  process.exit(1);
}

// esbuild escapes every non-ASCII character of the code but keeps those of comments, and one such
// character makes V8 hold the whole 2 MB source as two bytes per character. Escaped here too: in a
// comment `\uXXXX` is only text, anywhere else it means the character itself.
writeFileSync(join(outdir, 'main.cjs'), bundled.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));

const previous = `${target}.old.${process.pid}`;
try {
  renameSync(target, previous);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(outdir, target);
rmSync(previous, { recursive: true, force: true });
// Made in place: V8 keeps the file name a cache was made under (stack traces and profiles show it).
await writeCodeCache(join(target, 'main.cjs'));

/** Runs the bundle on rules/ as the default command, `check` (with the default and with every lint check) and `test` do, then saves the cache. */
async function writeCodeCache(bundle) {
  const rules = join(root, 'rules');
  if (!existsSync(rules)) {
    console.warn(`scripts/bundle.mjs: no ${rules} to run the bundle on; no code cache written (runs compile as they go).`);
    return;
  }
  const scratch = mkdtempSync(join(tmpdir(), 'rulecheck-bundle-'));
  // Reports go to files; CI=true keeps the progress line off a terminal.
  process.env.CI = 'true';
  try {
    // Every lint check runs once (preset `all`), so that a configuration turning more of them on finds them cached too.
    const allChecks = join(scratch, 'all-checks.json');
    writeFileSync(allChecks, JSON.stringify({ lint: { preset: 'all' } }));
    const { main, cacheContents } = loadBundle(bundle, { cache: false });
    await main([rules, '--output', join(scratch, 'run.txt')]);
    await main(['check', rules, '--format', 'json', '--output', join(scratch, 'check.json')]);
    await main(['check', rules, '--config', allChecks, '--format', 'sarif', '--output', join(scratch, 'check.sarif')]);
    await main(['test', rules, '--format', 'junit', '--output', join(scratch, 'test.xml')]);
    writeFileSync(`${bundle}.cache.${process.pid}`, cacheContents());
    renameSync(`${bundle}.cache.${process.pid}`, `${bundle}.cache`);
  } catch (error) {
    // The bundle works without a cache; a run that fails here is a bug the tests will show.
    console.warn(`scripts/bundle.mjs: no code cache written: running the bundle on ${rules} failed: ${error?.stack ?? error}`);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}
