import { existsSync, readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { discoverRuleFiles, loadRuleText } from '../rule/load.js';
import type { Rule } from '../rule/model.js';
import { fillDocs } from './docs.js';
import { lintRules } from './run.js';

/**
 * The `sigmahq` preset over the SigmaHQ corpus (which passes SigmaHQ's own CI): every class of
 * finding must be listed and explained in docs/lint.md, and every class listed there must occur.
 */
const CORPUS = resolve(__dirname, '../../../shared/corpora/sigmahq');
const DOCS = resolve(__dirname, '../../docs/lint.md');
const present = existsSync(CORPUS);
if (!present) console.warn(`skipping the SigmaHQ corpus lint test: ${CORPUS} is absent`);

function documentedClasses(): Map<string, number> {
  const docs = readFileSync(DOCS, 'utf8');
  const section = docs.slice(docs.indexOf('## Findings on the SigmaHQ corpus'), docs.indexOf('## Performance'));
  const out = new Map<string, number>();
  for (const m of section.matchAll(/^\| `(lint\/[a-z0-9-]+)` \| (\d+) \|/gm)) out.set(m[1], Number(m[2]));
  return out;
}

describe('docs/lint.md', () => {
  it('has the check and migration tables of the current registry (run `npx tsx scripts/lint-docs.ts`)', () => {
    const docs = readFileSync(DOCS, 'utf8');
    expect(fillDocs(docs)).toBe(docs);
  });
});

describe.skipIf(!present)('lint over the SigmaHQ corpus, preset sigmahq', () => {
  it('finds exactly the documented classes, in the documented numbers', async () => {
    const files = discoverRuleFiles([CORPUS], CORPUS);
    const rules: Rule[] = [];
    for (const absPath of files) rules.push(...loadRuleText(relative(CORPUS, absPath), readFileSync(absPath, 'utf8'), absPath).rules);
    expect(rules.length).toBeGreaterThan(3700);
    const found = new Map<string, number>();
    for (const d of lintRules(rules, { preset: 'sigmahq' })) found.set(d.id, (found.get(d.id) ?? 0) + 1);
    expect(Object.fromEntries([...found].sort())).toEqual(Object.fromEntries([...documentedClasses()].sort()));
  });
});
