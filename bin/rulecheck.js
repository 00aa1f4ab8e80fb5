#!/usr/bin/env node
import { statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadBundle } from './load-bundle.js';

// `npm run build` compiles src/ to dist/ and then bundles the CLI into dist/bundle/main.cjs (one file
// instead of hundreds of modules, with a code cache: bin/load-bundle.js). The modules in dist/cli/ are
// used when there is no bundle, or when it is older than them (dist/ recompiled with tsc alone).
const bundle = fileURLToPath(new URL('../dist/bundle/main.cjs', import.meta.url));
const { main } = bundleIsCurrent() ? loadBundle(bundle) : await import('../dist/cli/main.js');

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`rulecheck: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);

function bundleIsCurrent() {
  const built = statSync(bundle, { throwIfNoEntry: false });
  const modules = statSync(new URL('../dist/cli/main.js', import.meta.url), { throwIfNoEntry: false });
  return Boolean(built && (!modules || built.mtimeMs >= modules.mtimeMs));
}
