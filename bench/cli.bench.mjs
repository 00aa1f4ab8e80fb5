// Whole-process cost of the CI outputs on the SigmaHQ corpus (../shared/corpora/sigmahq/rules):
// each format alone, the workflow's three-report run against three separate runs, and the output
// sizes. Runs against dist/ (bench/run.mjs builds first). Median of RUNS runs each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'rulecheck.js');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq', 'rules');
const RUNS = 3;

if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not there`);
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), 'rulecheck-cli-bench-'));

function timed(args) {
  const times = [];
  let status;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    status = result.status;
    if (status === 2) throw new Error(`rulecheck ${args.join(' ')} failed: ${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { ms: times[Math.floor(times.length / 2)], status };
}

const size = (file) => (existsSync(file) ? `${(statSync(file).size / 1024).toFixed(0)} KiB` : '');
const rows = [];
const add = (what, result, file = '') => rows.push([what, `${(result.ms / 1000).toFixed(2)} s`, String(result.status), file ? size(file) : '']);

add('node startup only', (() => { const s = process.hrtime.bigint(); spawnSync(process.execPath, ['-e', '']); return { ms: Number(process.hrtime.bigint() - s) / 1e6, status: 0 }; })());
const check = timed(['check', corpus, '--format', 'json', '--output', join(out, 'check.json')]);
add('check, json', check, join(out, 'check.json'));
const formats = ['json', 'sarif', 'junit', 'github', 'markdown', 'html'];
const single = {};
for (const format of formats) {
  const file = join(out, `report.${format}`);
  single[format] = timed([corpus, '--format', format, '--output', file]);
  add(`check + test, ${format}`, single[format], file);
}
const three = timed([corpus, '--format', 'github', '--output', join(out, 'gh.txt'), '--format', 'sarif', '--output', join(out, 'w.sarif'), '--format', 'markdown', '--output', join(out, 'w.md')]);
add('check + test, github + sarif + markdown in one run', three);
add('the same three as three runs (sum)', { ms: single.github.ms + single.sarif.ms + single.markdown.ms, status: '' });

const files = spawnSync('find', [corpus, '-name', '*.yml'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
console.log(`SigmaHQ corpus: ${files} rule files; whole-process wall time, median of ${RUNS} (exit 1 = findings)\n`);
const widths = [0, 1, 2, 3].map((i) => Math.max(...[['run', 'time', 'exit', 'output'], ...rows].map((r) => String(r[i]).length)));
const line = (r) => `| ${r.map((c, i) => (i === 0 ? String(c).padEnd(widths[i]) : String(c).padStart(widths[i]))).join(' | ')} |`;
console.log(line(['run', 'time', 'exit', 'output']));
console.log(`|${widths.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
for (const r of rows) console.log(line(r));
