// Whole-process cost of the CI outputs on the SigmaHQ corpus (../shared/corpora/sigmahq/rules):
// each format alone, the workflow's three-report run against three separate runs, and the output
// sizes. Runs against dist/ (bench/run.mjs builds first). Median of RUNS runs each.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, statSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median, table } from './support/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'rulecheck.js');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq', 'rules');
const RUNS = 3;
// The child reports its own CPU time on exit: on a busy machine wall time measures the neighbours too.
const CPU_HOOK = 'data:text/javascript,process.on("exit",()=>{const u=process.cpuUsage();process.stderr.write("\\nrulecheck-bench-cpu-ms "+(u.user+u.system)/1000+"\\n")})';

if (!existsSync(corpus)) {
  console.log(`skipped: ${corpus} is not there`);
  process.exit(0);
}
const out = mkdtempSync(join(tmpdir(), 'rulecheck-cli-bench-'));


function timed(args) {
  const times = [];
  const cpus = [];
  let status;
  for (let i = 0; i < RUNS; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, ['--import', CPU_HOOK, bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, CI: 'true' } });
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
    const cpu = /rulecheck-bench-cpu-ms ([\d.]+)/.exec(result.stderr ?? '');
    if (cpu) cpus.push(Number(cpu[1]));
    status = result.status;
    if (status === 2) throw new Error(`rulecheck ${args.join(' ')} failed: ${result.stderr}`);
  }
  return { ms: median(times), cpu: median(cpus), status };
}

const size = (file) => (existsSync(file) ? `${(statSync(file).size / 1024).toFixed(0)} KiB` : '');
const rows = [];
const seconds = (ms) => (ms === undefined ? '' : `${(ms / 1000).toFixed(2)} s`);
const add = (what, result, file = '') => rows.push([what, seconds(result.ms), seconds(result.cpu), String(result.status), file ? size(file) : '']);

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
add('the same three as three runs (sum)', {
  ms: single.github.ms + single.sarif.ms + single.markdown.ms,
  cpu: single.github.cpu + single.sarif.cpu + single.markdown.cpu,
  status: '',
});

const files = spawnSync('find', [corpus, '-name', '*.yml'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean).length;
console.log(`SigmaHQ corpus: ${files} rule files; whole process, median of ${RUNS}; exit 1 = findings; load average ${loadavg()[0].toFixed(1)}\n`);
table(['run', 'wall', 'CPU user+sys', 'exit', 'output'], rows);
