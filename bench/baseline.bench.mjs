// Baseline replay of growing captures as whole processes: `rulecheck test rules/ --baseline DIR` on this
// project's rule pack, DIR holding one JSON Lines capture of N generated Windows events. A quiet capture
// holds Sysmon process creations, network connections and registry changes, on which the pack's rules stay
// quiet; a noisy one adds User Device Registration events, some of them failures the pack's rules report,
// each an undeclared fire (a `test/unexpected-match` finding). Wall time, CPU time and peak RSS, median of
// RUNS interleaved runs. What it shows: memory does not grow with the events (JSON Lines files are streamed),
// only with the findings kept for the report. With --baseline-build DIR, another built copy of the package
// runs the same captures, for a comparison.
// Usage: node bench/baseline.bench.mjs [runs=3] [--baseline-build DIR]
import { spawnSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { once } from 'node:events';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomSource } from './support/random.mjs';
import { median, table } from './support/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const RUNS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 3);
const other = process.argv.includes('--baseline-build') ? process.argv[process.argv.indexOf('--baseline-build') + 1] : undefined;
const CAPTURES = [
  ['quiet', 50_000],
  ['quiet', 200_000],
  ['noisy', 50_000],
  ['noisy', 200_000],
];
// Nothing is kept per event: the largest capture also runs with a JavaScript heap of 64 MB.
const SMALL_HEAP = '--max-old-space-size=64';
const PEAK_RSS = join(root, 'bench', 'support', 'peak-rss.mjs');

const random = randomSource(7);
const { rand, pick } = random;
const hex = (n) => random.hex(n, true);
const SYS = 'C:\\Windows\\System32\\';
const images = [`${SYS}svchost.exe`, `${SYS}cmd.exe`, `${SYS}WindowsPowerShell\\v1.0\\powershell.exe`, `${SYS}dsregcmd.exe`, `${SYS}taskhostw.exe`, 'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe'];
const sysmon = 'Microsoft-Windows-Sysmon/Operational';
const udr = 'Microsoft-Windows-User Device Registration/Admin';
const event = (noisy) => {
  const kind = noisy ? rand() : rand() * 0.85;
  if (kind < 0.5) {
    const image = pick(images);
    return { EventID: 1, Channel: sysmon, Computer: 'WS01.corp.local', UtcTime: '2024-05-06 07:30:00.123', ProcessGuid: `{${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}}`, Image: image, CommandLine: `"${image}" ${pick(['/status', '-k netsvcs', '/c echo ' + hex(6), ''])}`, ParentImage: pick(images), User: pick(['CORP\\alice', 'NT AUTHORITY\\SYSTEM']) };
  }
  if (kind < 0.7) return { EventID: 3, Channel: sysmon, Computer: 'WS01.corp.local', Image: pick(images), DestinationIp: `10.0.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`, DestinationPort: pick([443, 80, 445]), Initiated: 'true' };
  if (kind < 0.85) return { EventID: 13, Channel: sysmon, Computer: 'WS01.corp.local', Image: pick(images), TargetObject: `HKLM\\SOFTWARE\\Vendor\\${hex(4)}`, Details: 'DWORD (0x00000001)' };
  return { system: { event_id: pick([104, 204, 304, 306, 307]), channel: udr, provider: 'Microsoft-Windows-User Device Registration', computer: 'WS01.corp.local' }, event_data: { ExitCode: pick([-2145648611, -2145648612, 0]), ServerErrorCode: hex(8) } };
};

async function capture(count, noisy) {
  const dir = mkdtempSync(join(tmpdir(), `rulecheck-baseline-${count}-`));
  const file = join(dir, 'capture.jsonl');
  const out = createWriteStream(file);
  for (let i = 0; i < count; i++) if (!out.write(`${JSON.stringify(event(noisy))}\n`)) await once(out, 'drain');
  out.end();
  await once(out, 'finish');
  return { dir, mb: statSync(file).size / 1e6 };
}

const builds = { 'this build': [root], 'this build, 64 MB heap': [root, SMALL_HEAP], ...(other ? { [`other build (${other})`]: [other] } : {}) };
const rows = [];
for (const [kind, count] of CAPTURES) {
  const { dir, mb } = await capture(count, kind === 'noisy');
  const samples = Object.fromEntries(Object.keys(builds).map((name) => [name, { wall: [], cpu: [], mb: [] }]));
  const fires = {};
  for (let i = 0; i < RUNS; i++)
    for (const [name, [build, ...flags]] of Object.entries(builds)) {
      if (flags.length > 0 && count !== Math.max(...CAPTURES.map(([, n]) => n))) continue;
      const started = process.hrtime.bigint();
      const result = spawnSync(process.execPath, [...flags, '--import', PEAK_RSS, join(build, 'bin', 'rulecheck.js'), 'test', 'rules/', '--baseline', dir, '--format', 'json'], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 28 });
      samples[name].wall.push(Number(process.hrtime.bigint() - started) / 1e6);
      const replayed = JSON.parse(result.stdout).baseline;
      if (result.status !== 0 && result.status !== 1) throw new Error(`${name} exited ${result.status}: ${result.stderr.slice(0, 300)}`);
      if (replayed?.events !== count) throw new Error(`${name}: replayed ${replayed?.events} events of ${count}`);
      fires[name] = replayed.unexpected;
      samples[name].cpu.push(Number(/@@cpu-ms ([\d.]+)/.exec(result.stderr)?.[1]));
      samples[name].mb.push(Number(/@@peak-rss-kb (\d+)/.exec(result.stderr)?.[1]) / 1024);
    }
  rmSync(dir, { recursive: true, force: true });
  for (const [name, s] of Object.entries(samples)) if (s.wall.length > 0) rows.push([name, `${count.toLocaleString('en-US')}, ${kind}`, mb, fires[name], median(s.wall), median(s.cpu), median(s.mb)]);
}

table(
  ['build', 'events', 'capture', 'undeclared fires', `wall (median of ${RUNS})`, 'CPU', 'peak RSS'],
  rows.map(([name, events, mb, unexpected, wall, cpu, rss]) => [name, events, `${mb.toFixed(0)} MB`, unexpected.toLocaleString('en-US'), `${(wall / 1000).toFixed(2)} s`, `${(cpu / 1000).toFixed(2)} s`, `${rss.toFixed(0)} MB`]),
);
const quiet = rows.filter((r) => r[0] === 'this build' && r[1].endsWith('quiet'));
console.log(
  `\npeak RSS of this build, quiet captures: ${quiet.map((r) => `${r[6].toFixed(0)} MB`).join(' → ')} for ×4 the events (V8 lets its heap grow with a long run; ` +
    `the 64 MB heap row shows that no event is kept) · load average ${loadavg()[0].toFixed(1)}`,
);
