import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import yaml from 'js-yaml';
import { describe, expect, it } from 'vitest';
import { parseCondition } from './parse.js';
import { printCondition, serializeCondition } from './print.js';

const CORPUS = fileURLToPath(new URL('../../../shared/corpora/sigmahq/', import.meta.url));
const present = existsSync(CORPUS);

interface CorpusCondition {
  file: string;
  text: string;
  names: string[];
}

/** Every `condition:` of every detection and filter in the corpus, as js-yaml reads it. */
function corpusConditions(): CorpusCondition[] {
  const found: CorpusCondition[] = [];
  for (const file of fg.sync('**/*.{yml,yaml}', { cwd: CORPUS })) {
    for (const document of yaml.loadAll(readFileSync(CORPUS + file, 'utf8'))) {
      if (!document || typeof document !== 'object') continue;
      for (const key of ['detection', 'filter']) {
        const detection = (document as Record<string, unknown>)[key] as Record<string, unknown> | undefined;
        if (!detection || typeof detection !== 'object' || detection.condition === undefined) continue;
        const names = Object.keys(detection).filter((name) => name !== 'condition');
        const conditions = Array.isArray(detection.condition) ? detection.condition : [detection.condition];
        for (const text of conditions) found.push({ file, text: String(text), names });
      }
    }
  }
  return found;
}

describe.skipIf(!present)('every SigmaHQ condition', () => {
  const conditions = present ? corpusConditions() : [];

  it('parses without an error', () => {
    expect(conditions.length).toBeGreaterThan(3000);
    const failures = conditions
      .map(({ file, text, names }) => ({ file, text, errors: parseCondition(text, names).errors }))
      .filter((result) => result.errors.length > 0);
    expect(failures).toEqual([]);
  });

  it('prints back to a condition with the same meaning', () => {
    for (const { text, names } of conditions) {
      const first = parseCondition(text, names).expression!;
      const again = parseCondition(printCondition(first), names);
      expect(again.errors).toEqual([]);
      expect(serializeCondition(again.expression!)).toBe(serializeCondition(first));
    }
  });
});

if (!present) {
  describe('every SigmaHQ condition', () => {
    it.skip(`skipped: the SigmaHQ corpus is not at ${CORPUS}`, () => {});
  });
}
