// Lint cost: `rulecheck check` over the SigmaHQ corpus as a whole process, with every lint check on
// (`preset: all`) and with every lint check off (target: at most +30 %), plus the in-process time
// of loading the corpus and of the lint stage alone. Runs against dist/ (bench/run.mjs builds first).
// Wall time and CPU time (user + system) of each process: on a shared machine CPU time is the steadier
// figure. LINT_BENCH_BASELINE=<dir of another build, with bin/ and dist/> adds that build's runs,
// interleaved with ours, so a change is measured against its baseline under the same load.
// Usage: node bench/lint.bench.mjs [runs=7]
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const RUNS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 7);
const peakRss = join(root, 'bench', 'support', 'peak-rss.mjs');
const baseline = process.env.LINT_BENCH_BASELINE;

if (!existsSync(corpus)) {
  process.stdout.write(`skipped: ${corpus} is absent\n`);
  process.exit(0);
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const { CHECKS } = await import(dist('lint/registry.js'));
const work = mkdtempSync(join(tmpdir(), 'rulecheck-lint-bench-'));
const configs = {
  off: { lint: { checks: Object.fromEntries(CHECKS.map((c) => [c.meta.id, 'off'])) } },
  recommended: { lint: { preset: 'recommended' } },
  all: { lint: { preset: 'all' } },
};
for (const [name, config] of Object.entries(configs)) writeFileSync(join(work, `${name}.json`), JSON.stringify(config));

function wholeProcess(name, build = root) {
  const t = performance.now();
  const result = spawnSync(process.execPath, ['--import', peakRss, join(build, 'bin', 'rulecheck.js'), 'check', corpus, '--config', join(work, `${name}.json`), '--format', 'json', '--output', join(work, 'out.json')], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (result.status === 2) throw new Error(result.stderr);
  const cpu = /@@cpu-ms ([\d.]+)/.exec(result.stderr);
  return { ms, cpu: cpu ? Number(cpu[1]) : NaN };
}

// Interleaved (off, recommended, all, off, …) so that a change in machine load hits all three alike.
const names = ['off', 'recommended', 'all'];
const builds = baseline ? [['', root], ['baseline ', baseline]] : [['', root]];
for (const name of names) wholeProcess(name); // warm the file cache
const runs = {};
for (let i = 0; i < RUNS; i++)
  for (const name of names)
    for (const [prefix, build] of i % 2 ? [...builds].reverse() : builds) (runs[prefix + name] ??= []).push(wholeProcess(name, build));
const rows = [];
const times = {};
const cpuTimes = {};
for (const [prefix] of builds)
  for (const name of names) {
    const samples = runs[prefix + name];
    const wall = samples.map((s) => s.ms);
    times[prefix + name] = median(wall);
    cpuTimes[prefix + name] = median(samples.map((s) => s.cpu));
    rows.push([`${prefix}rulecheck check <corpus>, lint ${name === 'off' ? 'off (every check off)' : `preset ${name}`}`, times[prefix + name], Math.min(...wall), Math.max(...wall), cpuTimes[prefix + name], Math.min(...samples.map((s) => s.cpu))]);
  }

// In process: load once, then lint with each preset.
const { discoverRuleFiles, loadRuleText } = await import(dist('rule/load.js'));
const { lintRules } = await import(dist('lint/run.js'));
const files = discoverRuleFiles([corpus], corpus);
let t = performance.now();
const rules = files.flatMap((f) => loadRuleText(relative(corpus, f), readFileSync(f, 'utf8'), f).rules);
const loadMs = performance.now() - t;
const lintMs = {};
for (const preset of ['recommended', 'sigmahq', 'all']) {
  const runs = Array.from({ length: RUNS }, () => {
    const s = performance.now();
    lintRules(rules, { preset });
    return performance.now() - s;
  });
  lintMs[preset] = median(runs);
}
rmSync(work, { recursive: true, force: true });

const pad = (s, n) => String(s).padEnd(n);
process.stdout.write(`${files.length} files, ${rules.length} rules, ${CHECKS.length} checks, median of ${RUNS} runs\n\n`);
process.stdout.write(`| ${pad('whole process', 71)} | wall median ms | min | max | CPU median ms | min |\n|---|---|---|---|---|---|\n`);
for (const [label, med, min, max, cpu, cpuMin] of rows) process.stdout.write(`| ${pad(label, 71)} | ${med.toFixed(0)} | ${min.toFixed(0)} | ${max.toFixed(0)} | ${cpu.toFixed(0)} | ${cpuMin.toFixed(0)} |\n`);
const cost = (figures, prefix, name) => `+${((figures[prefix + name] / figures[prefix + 'off'] - 1) * 100).toFixed(1)} %`;
for (const [prefix] of builds)
  process.stdout.write(`\n${prefix || 'this build, '}lint cost, whole process: recommended ${cost(times, prefix, 'recommended')} wall, ${cost(cpuTimes, prefix, 'recommended')} CPU; all ${cost(times, prefix, 'all')} wall, ${cost(cpuTimes, prefix, 'all')} CPU (target ≤ +30 %)`);
process.stdout.write('\n');
process.stdout.write(`in process: load ${loadMs.toFixed(0)} ms; lint ${Object.entries(lintMs).map(([p, ms]) => `${p} ${ms.toFixed(0)} ms`).join(', ')}\n`);
