import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Builds dist/ once before the suites, so the CLI tests run `node bin/rulecheck.js` exactly as a
 * user's `npx rulecheck` does. A type error fails the build's exit code (and `npm ci`, which builds
 * in `prepare`); the tests still run on what was emitted, and fail only when nothing was.
 */
export default function setup(): void {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const result = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(`npm run build failed (exit ${result.status}):\n${result.stdout}${result.stderr}\n`);
  }
  if (!existsSync(`${root}/dist/cli/main.js`)) throw new Error('npm run build produced no dist/cli/main.js');
}
