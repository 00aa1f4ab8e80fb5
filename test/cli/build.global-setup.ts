import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ before the suites, so the CLI tests run `node bin/rulecheck.js` exactly as a user's
 * `npx rulecheck` does. Skipped when dist/ is newer than every source file, so that parallel test
 * runs do not rewrite dist/ under each other. A type error fails the build's exit code (and
 * `npm ci`, which builds in `prepare`); the tests still run on what was emitted, and fail only when
 * nothing was.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const stamp = join(root, 'dist', '.build-stamp');
  const inputs = [join(root, 'src'), join(root, 'schemas'), join(root, 'package.json'), join(root, 'tsconfig.json')];
  if (existsSync(stamp) && newestMtime(inputs) < statSync(stamp).mtimeMs) return;

  const started = Date.now();
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`npm run build failed (exit ${result.status}):\n${result.stdout}${result.stderr}\n`);
  }
  if (!existsSync(join(root, 'dist', 'cli', 'main.js'))) throw new Error('npm run build produced no dist/cli/main.js');
  if (result.status === 0) {
    writeFileSync(stamp, '');
    // The stamp must not look newer than a source saved while the build ran.
    utimesSync(stamp, new Date(started), new Date(started));
  }
}

function newestMtime(paths: string[]): number {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(path, { recursive: true, withFileTypes: true })) {
        if (entry.isFile()) newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
      }
    } else newest = Math.max(newest, stat.mtimeMs);
  }
  return newest;
}
