// Lint cost: `rulecheck check` over the SigmaHQ corpus as a whole process, with every lint check on
// (`preset: all`) and with every lint check off (target: at most +30 %), plus the in-process time
// of loading the corpus and of the lint stage alone. Runs against dist/ (bench/run.mjs builds first).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const RUNS = 7;

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

function wholeProcess(name) {
  const t = performance.now();
  const result = spawnSync(process.execPath, [join(root, 'bin', 'rulecheck.js'), 'check', corpus, '--config', join(work, `${name}.json`), '--format', 'json', '--output', join(work, 'out.json')], { cwd: root, encoding: 'utf8' });
  const ms = performance.now() - t;
  if (result.status === 2) throw new Error(result.stderr);
  return ms;
}

// Interleaved (off, recommended, all, off, …) so that a change in machine load hits all three alike.
const names = ['off', 'recommended', 'all'];
for (const name of names) wholeProcess(name); // warm the file cache
const runs = Object.fromEntries(names.map((n) => [n, []]));
for (let i = 0; i < RUNS; i++) for (const name of names) runs[name].push(wholeProcess(name));
const rows = [];
const times = {};
for (const name of names) {
  times[name] = median(runs[name]);
  rows.push([`rulecheck check <corpus>, lint ${name === 'off' ? 'off (every check off)' : `preset ${name}`}`, times[name], Math.min(...runs[name]), Math.max(...runs[name])]);
}

// In process: load once, then lint with each preset.
const { discoverRuleFiles, loadRuleText } = await import(dist('rule/load.js'));
const { lintRules } = await import(dist('lint/run.js'));
const files = await discoverRuleFiles([corpus], corpus);
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
process.stdout.write(`| ${pad('whole process', 62)} | median ms | min | max |\n|---|---|---|---|\n`);
for (const [label, med, min, max] of rows) process.stdout.write(`| ${pad(label, 62)} | ${med.toFixed(0)} | ${min.toFixed(0)} | ${max.toFixed(0)} |\n`);
process.stdout.write(`\nlint cost, whole process: recommended +${((times.recommended / times.off - 1) * 100).toFixed(1)} %, all +${((times.all / times.off - 1) * 100).toFixed(1)} % (target ≤ +30 %)\n`);
process.stdout.write(`in process: load ${loadMs.toFixed(0)} ms; lint ${Object.entries(lintMs).map(([p, ms]) => `${p} ${ms.toFixed(0)} ms`).join(', ')}\n`);
