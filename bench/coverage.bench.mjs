// Cost of the coverage stage: `rulecheck check` over the SigmaHQ corpus as whole processes, with
// and without coverage (`--no-coverage`), runs interleaved; then the stage alone, in process, on
// the rules already loaded (catalogs loaded cold, then warm). Target: coverage adds ≤ 20%.
// Runs against dist/ (bench/run.mjs builds first). Usage: node bench/coverage.bench.mjs [runs=5]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median, table } from './support/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq');
const RUNS = Number(process.argv[2] ?? 5);
const TARGET = 0.2;

if (!existsSync(corpus)) {
  console.log(`skipped: SigmaHQ corpus not found at ${corpus}`);
  process.exit(0);
}

const bin = join(root, 'bin', 'rulecheck.js');
// Reports the process's CPU time (user + system) on exit: on a busy machine wall time also measures the neighbours.
const probe = join(root, 'bench', 'support', 'peak-rss.mjs');
const variants = [
  { label: 'rulecheck check --no-coverage', args: [bin, 'check', corpus, '--format', 'json', '--no-coverage'] },
  { label: 'rulecheck check (with coverage)', args: [bin, 'check', corpus, '--format', 'json'] },
];
const times = variants.map(() => []);
const cpu = variants.map(() => []);
const outputs = [];
for (let i = 0; i < RUNS; i++) {
  variants.forEach((variant, v) => {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', probe, ...variant.args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
    times[v].push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpuMs = /@@cpu-ms ([\d.]+)/.exec(result.stderr);
    cpu[v].push(cpuMs ? Number(cpuMs[1]) : NaN);
    if (result.status !== 0 && result.status !== 1) throw new Error(`${variant.label} exited ${result.status}: ${result.stderr}`);
    outputs[v] = result.stdout;
  });
}
const [without, withCoverage] = times.map(median);
const [cpuWithout, cpuWith] = cpu.map(median);
const findings = outputs.map((out) => JSON.parse(out).files.flatMap((f) => f.diagnostics).filter((d) => d.id.startsWith('coverage/')).length);

console.log(`SigmaHQ corpus (${corpus}); ${cpus().length} CPUs; whole-process wall time (median, best) and CPU time (median) of ${RUNS} interleaved runs.\n`);
const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
table(
  ['run', 'wall median', 'wall best', 'CPU median', 'coverage findings', 'wall vs without', 'CPU vs without'],
  variants.map((variant, v) => [
    variant.label,
    seconds(median(times[v])),
    seconds(Math.min(...times[v])),
    seconds(median(cpu[v])),
    String(findings[v]),
    `${(((median(times[v]) - without) / without) * 100).toFixed(1)}%`,
    `${(((median(cpu[v]) - cpuWithout) / cpuWithout) * 100).toFixed(1)}%`,
  ]),
);
const added = (withCoverage - without) / without;
const addedCpu = (cpuWith - cpuWithout) / cpuWithout;
console.log(`\ntarget: coverage adds ≤ ${TARGET * 100}%: ${added <= TARGET ? 'met' : 'MISSED'} on wall time (${(added * 100).toFixed(1)}%, ${(withCoverage - without).toFixed(0)} ms), ${addedCpu <= TARGET ? 'met' : 'MISSED'} on CPU time (${(addedCpu * 100).toFixed(1)}%, ${(cpuWith - cpuWithout).toFixed(0)} ms)`);

// The stage alone, in process: the same rules, first with catalogs parsed on first use, then warm.
const { discoverRuleFiles, loadRuleFile } = await import(pathToFileURL(join(root, 'dist', 'rule', 'load.js')).href);
const { checkCoverage } = await import(pathToFileURL(join(root, 'dist', 'coverage', 'run.js')).href);
const { loadCatalogSet } = await import(pathToFileURL(join(root, 'dist', 'catalog', 'load.js')).href);
const files = discoverRuleFiles([corpus], corpus);
let start = performance.now();
const rules = files.flatMap((file) => loadRuleFile(file, corpus).rules);
const loadMs = performance.now() - start;
start = performance.now();
const first = checkCoverage(rules, {});
const coldMs = performance.now() - start;
const set = loadCatalogSet({});
const warm = [];
for (let i = 0; i < 5; i++) {
  start = performance.now();
  checkCoverage(rules, { set });
  warm.push(performance.now() - start);
}
console.log(`\nIn process, ${rules.length} rules (${first.results.filter((r) => r.bindings.length > 0).length} bound to a catalog source):`);
table(
  ['step', 'ms'],
  [
    ['load (YAML, model, schema, conditions)', loadMs.toFixed(0)],
    ['coverage, first run (catalogs parsed)', coldMs.toFixed(0)],
    ['coverage, warm (median of 5)', median(warm).toFixed(0)],
  ],
);
