// Bundles the compiled CLI (dist/cli/main.js and everything it imports, dependencies included) into
// a few files under dist/bundle/, which bin/rulecheck.js loads: one file read and compiled instead of
// several hundred small modules, which is most of the start-up time of a short run.
// Each command is its own chunk (loaded only when that command runs); chunks shared by commands are
// loaded with them. Output files sit two folders below the package root, like every file of dist/,
// so `new URL('../../catalogs/', import.meta.url)` and the like point at the same place.
// Usage: node scripts/bundle.mjs [package root] (after tsc; `npm run build` runs both).
import { build } from 'esbuild';
import { readdirSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.argv[2] ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'dist', 'bundle');
// Built beside the old bundle and swapped in at the end: a run started meanwhile finds either.
const outdir = `${target}.${process.pid}`;
rmSync(outdir, { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { main: 'dist/cli/main.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // chevrotain is loaded from its own single-file build at run time (src/condition/chevrotain.ts).
  external: ['chevrotain'],
  // Bundled CommonJS dependencies (fast-glob…) call require() for Node's own modules.
  banner: { js: "import { createRequire as __rulecheckCreateRequire } from 'node:module'; const require = __rulecheckCreateRequire(import.meta.url);" },
  chunkNames: 'chunk-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
});

// A module more than two folders deep (dist/cli/commands/…) that reaches package files through
// import.meta.url would point one folder too high once bundled: refuse to ship that.
for (const name of readdirSync(outdir).filter((n) => n.endsWith('.js'))) {
  const deep = /new URL\(\s*["'`](\.\.\/){3}/.exec(readFileSync(join(outdir, name), 'utf8'));
  if (deep) {
    console.error(`scripts/bundle.mjs: ${name} resolves \`${deep[0]}…\` against import.meta.url; ` +
      'bundled, that leaves the package. Read package files through a module two folders deep (src/cli/version.ts).');
    rmSync(outdir, { recursive: true, force: true });
    process.exit(1);
  }
}
const previous = `${target}.old.${process.pid}`;
try {
  renameSync(target, previous);
} catch (error) {
  if (error.code !== 'ENOENT') throw error;
}
renameSync(outdir, target);
rmSync(previous, { recursive: true, force: true });
