#!/usr/bin/env node
import { statSync } from 'node:fs';

// `npm run build` compiles src/ to dist/ and then bundles the CLI into dist/bundle/ (a few files
// instead of hundreds of modules: most of the start-up time). The modules in dist/cli/ are used when
// there is no bundle, or when it is older than them (dist/ recompiled with tsc alone).
const entry = bundleIsCurrent() ? '../dist/bundle/main.js' : '../dist/cli/main.js';
const { main } = await import(entry);

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error) => {
    process.stderr.write(`rulecheck: internal error: ${error && error.stack ? error.stack : error}\n`);
    process.exitCode = 2;
  },
);

function bundleIsCurrent() {
  const bundle = statSync(new URL('../dist/bundle/main.js', import.meta.url), { throwIfNoEntry: false });
  const modules = statSync(new URL('../dist/cli/main.js', import.meta.url), { throwIfNoEntry: false });
  return Boolean(bundle && (!modules || bundle.mtimeMs >= modules.mtimeMs));
}
