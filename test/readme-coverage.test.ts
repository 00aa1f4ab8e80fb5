import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('..', import.meta.url));

describe('the coverage matrix in README.md', () => {
  it('is what `rulecheck coverage rules/` gives today (regenerate with `npm run coverage-table`)', () => {
    const result = spawnSync(process.execPath, ['scripts/coverage-table.mjs', '--check'], { cwd: root, encoding: 'utf8' });
    expect(result.stderr + result.stdout).not.toMatch(/stale|error/i);
    expect(result.status).toBe(0);
  });
});
