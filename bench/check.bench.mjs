// `rulecheck check` over the SigmaHQ corpus as whole processes, next to the floor: a bare js-yaml
// parse of the same files in its own process. Median wall time and peak RSS of RUNS runs each, then
// an in-process split of the per-file work. Runs against dist/ (bench/run.mjs builds first).
// Usage: node bench/check.bench.mjs [runs=5]
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq');
const RUNS = Number(process.argv[2] ?? 5);
const TARGET = { ratio: 2, seconds: 1.5, megabytes: 300 };

if (!existsSync(corpus)) {
  console.log(`skipped: SigmaHQ corpus not found at ${corpus}`);
  process.exit(0);
}

const peakRss = join(root, 'bench', 'support', 'peak-rss.mjs');

function measure(args) {
  const times = [];
  const rss = [];
  let stdout = '';
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', peakRss, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    if (result.status !== 0 && result.status !== 1) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
    const kb = /@@peak-rss-kb (\d+)/.exec(result.stderr);
    rss.push(kb ? Number(kb[1]) / 1024 : NaN);
    stdout = result.stdout;
  }
  return { ms: median(times), min: Math.min(...times), mb: median(rss), stdout };
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

const startup = measure(['-e', '']);
const bare = measure([join(root, 'bench', 'support', 'bare-yaml-parse.mjs'), corpus]);
const check = measure([join(root, 'bin', 'rulecheck.js'), 'check', corpus, '--format', 'json']);
const counts = JSON.parse(bare.stdout);
const summary = JSON.parse(check.stdout).summary;

const seconds = (ms) => `${(ms / 1000).toFixed(2)} s`;
const rows = [
  ['node start-up (nothing run)', seconds(startup.ms), seconds(startup.min), `${startup.mb.toFixed(0)} MB`, ''],
  ['floor: bare js-yaml parse, same files', seconds(bare.ms), seconds(bare.min), `${bare.mb.toFixed(0)} MB`, '1.00×'],
  ['rulecheck check --format json', seconds(check.ms), seconds(check.min), `${check.mb.toFixed(0)} MB`, `${(check.ms / bare.ms).toFixed(2)}×`],
];
console.log(`SigmaHQ corpus: ${counts.files} files, ${counts.documents} documents; ${summary.files} files and ${summary.rules} rules reported.`);
console.log(`${cpus().length} CPUs; whole-process wall time, median and best of ${RUNS} runs; peak RSS median.\n`);
table(['run', 'median', 'best', 'peak RSS', 'vs floor'], rows);

const verdict = (ok) => (ok ? 'met' : 'MISSED');
console.log(`\ntargets: ≤ ${TARGET.ratio}× the floor: ${verdict(check.ms <= TARGET.ratio * bare.ms)}; ≤ ${TARGET.seconds} s: ${verdict(check.ms <= TARGET.seconds * 1000)}; ≤ ${TARGET.megabytes} MB: ${verdict(check.mb <= TARGET.megabytes)}`);

const phases = spawnSync(process.execPath, [join(root, 'bench', 'support', 'load-phases.mjs'), root, corpus], { encoding: 'utf8', maxBuffer: 1 << 28 });
if (phases.status === 0) {
  const { cold, warm } = JSON.parse(phases.stdout);
  console.log('\nIn-process, per stage (ms): first pass (cold JIT) and best warm pass');
  const ms = (v) => v.toFixed(0);
  table(['stage', 'cold', 'warm'], Object.keys(cold).map((key) => [key === 'bare' ? 'bare js-yaml parse (floor)' : key, ms(cold[key]), ms(warm[key])]));
}

function table(header, body) {
  const all = [header, ...body];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
  console.log(line(header));
  console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of body) console.log(line(r));
}
