// Regenerates the check table and the migration table in docs/lint.md from the lint registry.
// Run: npx tsx scripts/lint-docs.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { fillDocs } from '../src/lint/docs.js';

const path = new URL('../docs/lint.md', import.meta.url);
writeFileSync(path, fillDocs(readFileSync(path, 'utf8')));
