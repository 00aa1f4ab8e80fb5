// `rulecheck check` over the SigmaHQ corpus as whole processes, next to the floor: a bare js-yaml
// parse of the same files in its own process. Median wall time, CPU time and peak RSS of RUNS runs
// each, with node's own start-up and rulecheck's (an empty folder) for scale; then an in-process
// split of the per-file work. Runs against dist/ (bench/run.mjs builds first).
// With --baseline DIR, another built copy of the package (e.g. a worktree of an earlier commit with
// its own `npm run build`) is run in the same interleaved rounds, for a before/after comparison.
// Usage: node bench/check.bench.mjs [runs=5] [--baseline DIR]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, table } from './support/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq');
const args = process.argv.slice(2);
const baselineAt = args.indexOf('--baseline');
const baseline = baselineAt >= 0 ? args.splice(baselineAt, 2)[1] : undefined;
const RUNS = Number(args[0] ?? 5);
if (baseline !== undefined && !existsSync(join(baseline, 'bin', 'rulecheck.js'))) {
  console.error(`--baseline: no bin/rulecheck.js under ${baseline}`);
  process.exit(2);
}
const TARGET = { ratio: 2, seconds: 1.5, megabytes: 300 };

if (!existsSync(corpus)) {
  console.log(`skipped: SigmaHQ corpus not found at ${corpus}`);
  process.exit(0);
}

const peakRss = join(root, 'bench', 'support', 'peak-rss.mjs');
const emptyDir = mkdtempSync(join(tmpdir(), 'rulecheck-bench-empty-'));

// The runs are interleaved (one of each, RUNS times) so that a neighbour's burst of load falls on
// all of them alike; medians, and CPU time next to wall time.
const runs = {
  startup: ['-e', ''],
  empty: [join(root, 'bin', 'rulecheck.js'), 'check', emptyDir, '--format', 'json'],
  bare: [join(root, 'bench', 'support', 'bare-yaml-parse.mjs'), corpus],
  check: [join(root, 'bin', 'rulecheck.js'), 'check', corpus, '--format', 'json'],
  ...(baseline === undefined ? {} : { baseline: [join(baseline, 'bin', 'rulecheck.js'), 'check', corpus, '--format', 'json'] }),
};
const samples = Object.fromEntries(Object.keys(runs).map((key) => [key, { wall: [], cpu: [], mb: [], stdout: '' }]));
const loads = [];
for (let i = 0; i < RUNS; i++) {
  loads.push(loadavg()[0]);
  for (const [key, args] of Object.entries(runs)) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', peakRss, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
    const wall = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    const kb = /@@peak-rss-kb (\d+)/.exec(result.stderr);
    const cpu = /@@cpu-ms ([\d.]+)/.exec(result.stderr);
    samples[key].wall.push(wall);
    samples[key].cpu.push(cpu ? Number(cpu[1]) : NaN);
    samples[key].mb.push(kb ? Number(kb[1]) / 1024 : NaN);
    samples[key].stdout = result.stdout;
  }
}
rmSync(emptyDir, { recursive: true, force: true });
const figures = Object.fromEntries(Object.entries(samples).map(([key, s]) => [key, { ms: median(s.wall), min: Math.min(...s.wall), cpu: median(s.cpu), mb: median(s.mb), stdout: s.stdout }]));

const { startup, empty, bare, check, baseline: before } = figures;
const counts = JSON.parse(bare.stdout);
const summary = JSON.parse(check.stdout).summary;

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const ratio = (a, b) => `${(a / b).toFixed(2)}×`;
const row = (label, f, vsFloor) => [label, seconds(f.ms), seconds(f.min), seconds(f.cpu), `${f.mb.toFixed(0)} MB`,
  vsFloor ? ratio(f.ms, bare.ms) : '', vsFloor ? ratio(f.cpu, bare.cpu) : ''];
const rows = [
  row('node start-up (nothing run)', startup, false),
  row('rulecheck check, empty folder (start-up)', empty, false),
  row('floor: bare js-yaml parse, same files', bare, true),
  ...(before ? [row(`baseline: rulecheck check --format json (${baseline})`, before, true)] : []),
  row('rulecheck check --format json', check, true),
];
console.log(`SigmaHQ corpus: ${counts.files} files, ${counts.documents} documents; ${summary.files} files and ${summary.rules} rules reported.`);
loads.push(loadavg()[0]);
console.log(`${cpus().length} CPUs, 1-minute load average ${Math.min(...loads).toFixed(1)}–${Math.max(...loads).toFixed(1)} over the runs; whole processes, ${RUNS} interleaved runs each: wall median and best, CPU (user + system) median, peak RSS median.\n`);
table(['run', 'wall', 'best wall', 'CPU', 'peak RSS', 'wall vs floor', 'CPU vs floor'], rows);
if (before) console.log(`\nbaseline and current reports ${before.stdout === check.stdout ? 'are identical' : 'DIFFER'}.`);

const verdict = (ok) => (ok ? 'met' : 'MISSED');
console.log(`\ntargets: ≤ ${TARGET.ratio}× the floor: ${verdict(check.ms <= TARGET.ratio * bare.ms)} (wall), ${verdict(check.cpu <= TARGET.ratio * bare.cpu)} (CPU); ≤ ${TARGET.seconds} s: ${verdict(check.ms <= TARGET.seconds * 1000)} (wall), ${verdict(check.cpu <= TARGET.seconds * 1000)} (CPU); ≤ ${TARGET.megabytes} MB: ${verdict(check.mb <= TARGET.megabytes)}`);

const phases = spawnSync(process.execPath, [join(root, 'bench', 'support', 'load-phases.mjs'), root, corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (phases.status === 0) {
  const { cold, warm } = JSON.parse(phases.stdout);
  console.log('\nIn-process, per stage (ms): first pass (cold JIT) and best warm pass');
  const ms = (v) => v.toFixed(0);
  table(['stage', 'cold', 'warm'], Object.keys(cold).map((key) => [key === 'bare' ? 'bare js-yaml parse (floor)' : key, ms(cold[key]), ms(warm[key])]));
}

const split = spawnSync(process.execPath, [join(root, 'bench', 'support', 'stage-split.mjs'), root, corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (split.status === 0) {
  const { timings, gcMs } = JSON.parse(split.stdout);
  console.log(`\nOne cold check in one process, per stage of src/cli/pipeline.ts (GC pauses over the whole pass: ${gcMs.toFixed(0)} ms)`);
  table(['stage', 'wall ms', 'CPU ms'], Object.entries(timings).map(([stage, t]) => [stage, t.ms.toFixed(0), t.cpu.toFixed(0)]));
}
