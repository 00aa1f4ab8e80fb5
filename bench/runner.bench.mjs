// Whole-process time of `rulecheck test` on generated rule packs: N rules, each with 5 inline
// events in its `tests:` (3 that match, 2 that do not), written to a temporary folder.
// Target: 1,000 rules under 2 s. Runs against dist/ (bench/run.mjs builds first).
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bin = join(root, 'bin', 'rulecheck.js');
const RUNS = 3;

function ruleText(n) {
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
  const code = 200 + (n % 50);
  return `title: Generated UDR Rule ${n}
id: ${id}
status: test
description: Generated rule ${n} for the runner benchmark.
author: rulecheck bench
date: 2026-11-01
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventID: ${code}
        ErrorCode|contains:
            - '0x8018${String(n % 100).padStart(4, '0')}'
            - '0x8007${String(n % 100).padStart(4, '0')}'
    filter:
        UserName|endswith: '$'
    condition: selection and not filter
level: medium
tests:
    - name: fires on the first code
      expect: match
      event: {EventID: ${code}, ErrorCode: '0x8018${String(n % 100).padStart(4, '0')}', UserName: alice}
    - name: fires on the second code
      expect: match
      events:
          - {EventID: ${code}, ErrorCode: 'code 0x8007${String(n % 100).padStart(4, '0')} seen', UserName: bob}
          - {EventID: ${code}, ErrorCode: '0x8007${String(n % 100).padStart(4, '0')}', UserName: carol}
    - name: quiet on machine accounts and other events
      expect: no-match
      events:
          - {EventID: ${code}, ErrorCode: '0x8018${String(n % 100).padStart(4, '0')}', UserName: 'WKS01$'}
          - {EventID: ${code + 1}, ErrorCode: '0x8018${String(n % 100).padStart(4, '0')}', UserName: alice}
`;
}

function generate(count) {
  const dir = mkdtempSync(join(tmpdir(), `rulecheck-bench-${count}-`));
  for (let n = 0; n < count; n++) {
    const sub = join(dir, 'rules', `group_${Math.floor(n / 100)}`);
    mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `udr_generated_rule_${n}.yml`), ruleText(n));
  }
  return dir;
}

// The child reports its own CPU time (user + system) and peak RSS on exit (bench/support/peak-rss.mjs):
// on a busy machine wall time measures the neighbours as much as rulecheck, CPU time much less so.
const PEAK_RSS = join(root, 'bench', 'support', 'peak-rss.mjs');

function time(args, cwd) {
  const times = [];
  const cpus = [];
  const rss = [];
  let last;
  for (let i = 0; i < RUNS; i++) {
    const started = process.hrtime.bigint();
    last = spawnSync(process.execPath, ['--import', PEAK_RSS, ...args], { cwd, encoding: 'utf8', maxBuffer: 1 << 28 });
    times.push(Number(process.hrtime.bigint() - started) / 1e6);
    const cpu = /@@cpu-ms ([\d.]+)/.exec(last.stderr ?? '');
    if (cpu) cpus.push(Number(cpu[1]));
    const kb = /@@peak-rss-kb (\d+)/.exec(last.stderr ?? '');
    if (kb) rss.push(Number(kb[1]) / 1024);
  }
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)] ?? NaN;
  return { median: median(times), cpu: median(cpus), mb: median(rss), result: last };
}

const rows = [];
const nodeStart = time(['-e', '0'], root);
rows.push(['node startup (nothing loaded)', '-', '-', nodeStart.median, nodeStart.cpu, nodeStart.mb]);
let failed = false;
for (const count of [100, 1000]) {
  const dir = generate(count);
  try {
    for (const format of ['stylish', 'json']) {
      const { median, cpu, mb, result } = time([bin, 'test', 'rules', '--format', format], dir);
      let tests = '?';
      if (format === 'json') {
        try {
          const summary = JSON.parse(result.stdout).summary.tests;
          tests = `${summary.pass} pass / ${summary.fail} fail / ${summary.error} error`;
          if (summary.pass !== count * 3 || summary.fail !== 0 || summary.error !== 0) failed = true;
        } catch {
          tests = `unreadable output (exit ${result.status}): ${(result.stderr || result.stdout).slice(0, 200)}`;
          failed = true;
        }
      }
      if (result.status !== 0) failed = true;
      rows.push([`rulecheck test, ${count} rules × 5 events`, format, tests, median, cpu, mb]);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const header = ['run', 'format', 'tests', `wall, median of ${RUNS} (ms)`, 'CPU user+sys (ms)', 'peak RSS (MB)'];
const fixed = (value) => (Number.isFinite(value) ? value.toFixed(0) : '?');
const table = [header, ...rows.map((r) => [r[0], r[1], r[2], r[3].toFixed(0), fixed(r[4]), fixed(r[5])])];
const widths = header.map((_, i) => Math.max(...table.map((r) => String(r[i]).length)));
for (const [i, row] of table.entries()) {
  process.stdout.write(`| ${row.map((c, j) => String(c).padEnd(widths[j])).join(' | ')} |\n`);
  if (i === 0) process.stdout.write(`| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |\n`);
}
const thousand = rows.find((r) => r[0].includes('1000') && r[1] === 'stylish');
process.stdout.write(`\ntarget: 1,000 rules under 2,000 ms whole-process; measured ${thousand ? thousand[3].toFixed(0) : '?'} ms wall, ${thousand ? thousand[4].toFixed(0) : '?'} ms CPU`);
process.stdout.write(` (1-minute load average ${loadavg()[0].toFixed(1)} on this machine: wall times grow with it)\n`);
process.exitCode = failed ? 1 : 0;
