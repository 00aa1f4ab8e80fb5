import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { relativePath } from '../../core/paths.js';
import type { CliValues } from '../options.js';
import { initFiles } from '../init-templates.js';
import { UsageError } from '../usage-error.js';

/**
 * `rulecheck init [DIR]`: writes a starter config, an example rule with inline tests, its fixture
 * and a GitHub workflow into DIR (default: the working directory). Refuses to overwrite anything:
 * when one of the files exists, nothing is written.
 */
export async function run(positionals: string[], _values: CliValues): Promise<number> {
  if (positionals.length > 1) throw new UsageError(`init takes at most one directory, got ${positionals.length}`);
  const cwd = process.cwd();
  const target = resolve(cwd, positionals[0] ?? '.');
  const files = initFiles();
  const existing = Object.keys(files).filter((path) => existsSync(join(target, path)));
  if (existing.length > 0) {
    throw new UsageError(`init refuses to overwrite existing files: ${existing.map((p) => `\`${show(cwd, join(target, p))}\``).join(', ')}`);
  }
  for (const [path, text] of Object.entries(files)) {
    const abs = join(target, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text, { flag: 'wx' });
    process.stdout.write(`created ${show(cwd, abs)}\n`);
  }
  const where = show(cwd, target);
  process.stdout.write(`\nNext: ${where === '.' ? '' : `cd ${where} && `}npx rulecheck\n`);
  return 0;
}

function show(cwd: string, abs: string): string {
  return relativePath(abs, cwd);
}
