// The floor for bench/check.bench.mjs: find the same files, read them, parse every document with
// js-yaml (no positions, no rule model, no checks). Prints the file and document counts.
import { readFileSync } from 'node:fs';
import fg from 'fast-glob';
import yaml from 'js-yaml';

// Synchronous, as rulecheck finds its files (src/core/find-files.ts): the faster of fast-glob's two walks.
const files = fg.sync('**/*.{yml,yaml}', { cwd: process.argv[2], absolute: true });
let documents = 0;
for (const file of files) {
  try {
    documents += yaml.loadAll(readFileSync(file, 'utf8')).length;
  } catch {
    // a broken file still counts as read
  }
}
console.log(JSON.stringify({ files: files.length, documents }));
