// Runs every bench/*.bench.mjs in its own process, one after another, after building dist/.
import { execFileSync, spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const root = join(here, '..');
const only = process.argv.slice(2);

execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
const benches = readdirSync(here)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => only.length === 0 || only.some((o) => name.includes(o)))
  .sort();
let failed = 0;
for (const name of benches) {
  process.stdout.write(`\n## ${name.replace('.bench.mjs', '')}\n\n`);
  const result = spawnSync(process.execPath, ['--expose-gc', join(here, name)], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exitCode = failed ? 1 : 0;
