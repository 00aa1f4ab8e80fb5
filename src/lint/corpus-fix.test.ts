import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { discoverRuleFiles, loadRuleText } from '../rule/load.js';
import { canonicalRule } from './util/canonical.js';
import { fixFiles } from './fix-files.js';

/**
 * `--fix` over a temporary copy of the SigmaHQ corpus with every check on: the detection logic of
 * every rule is the same before and after (canonical form of searches and conditions), and a second
 * run changes nothing.
 */
const CORPUS = resolve(__dirname, '../../../shared/corpora/sigmahq');
const present = existsSync(CORPUS);
if (!present) console.warn(`skipping the --fix corpus test: ${CORPUS} is absent`);

describe.skipIf(!present)('--fix on the SigmaHQ corpus', () => {
  const copy = mkdtempSync(join(tmpdir(), 'rulecheck-fix-'));
  afterAll(() => rmSync(copy, { recursive: true, force: true }));

  it('keeps every rule\'s detection logic and is idempotent', async () => {
    for (const dir of ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-compliance', 'rules-dfir', 'rules-placeholder'])
      if (existsSync(join(CORPUS, dir))) cpSync(join(CORPUS, dir), join(copy, dir), { recursive: true });
    const files = discoverRuleFiles([copy], copy).map((absPath) => ({ absPath, path: relative(copy, absPath).split('\\').join('/') }));
    const logic = (file: { absPath: string; path: string }) =>
      loadRuleText(file.path, readFileSync(file.absPath, 'utf8'), file.absPath).rules.map(canonicalRule);
    const before = new Map(files.map((f) => [f.path, logic(f)]));

    const fixed = fixFiles(files, { preset: 'all' }, true);
    expect(fixed.length).toBeGreaterThan(20);
    for (const f of fixed) expect(logic(f), f.path).toEqual(before.get(f.path));

    const again = fixFiles(files, { preset: 'all' }, true);
    expect(again.map((f) => f.path)).toEqual([]);
  });
});
