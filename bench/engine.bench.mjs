// Engine throughput: every SigmaHQ rule with `product: windows` loaded and compiled once, then a stream of
// generated Windows events (process creation, network, registry, file; a fraction crafted from rules so
// that they match) parsed from JSON text and evaluated through the rule index. Runs on dist/ (built first by
// bench/run.mjs). Usage: node --expose-gc bench/engine.bench.mjs [events=120000]
// Memory: V8's default heap sizing lets garbage pile up well past the live heap (peak RSS 320–590 MB for a
// 150–190 MB live heap), so the benchmark re-runs itself with --max-old-space-size=ENGINE_BENCH_HEAP_MB (default
// 256) and --max-semi-space-size=4 unless a heap limit is given on the command line or ENGINE_BENCH_HEAP_MB=0.
// (A tighter old-space limit, 224 MB, made collections much more frequent; docs/engine.md has the figures.)
// Comparison: ENGINE_BENCH_BASELINE=<dist dir of another build> also compiles the rules with that build and
// times both on every chunk, in alternating order, in this one process (memory figures then cover both).
// Diagnostics: ENGINE_BENCH_SPLIT=1 prints time per event by phase; ENGINE_BENCH_TOP=N lists the rules
// that cost the most evaluation time; ENGINE_BENCH_HEAP=1 prints the live heap after each chunk (forces GC);
// ENGINE_BENCH_DIST=<dir> runs on another build; ENGINE_BENCH_DUMP=<file> writes the first events.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { getHeapStatistics } from 'node:v8';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { randomSource } from './support/random.mjs';

// Two engines do not fit the default limit: none unless asked for when comparing with a baseline build.
const heapLimitMb = Number(process.env.ENGINE_BENCH_HEAP_MB ?? (process.env.ENGINE_BENCH_BASELINE ? 0 : 256));
if (heapLimitMb > 0 && !process.execArgv.some((a) => a.startsWith('--max-old-space-size'))) {
  const child = spawnSync(process.execPath, [...process.execArgv, `--max-old-space-size=${heapLimitMb}`, '--max-semi-space-size=4', fileURLToPath(import.meta.url), ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: { ...process.env, ENGINE_BENCH_LIMIT_SET: String(heapLimitMb) },
  });
  process.exit(child.status ?? 1);
}
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq');
if (!existsSync(corpus)) {
  console.log(`skipped: SigmaHQ corpus not found at ${corpus}`);
  process.exit(0);
}
const dist = process.env.ENGINE_BENCH_DIST ?? join(root, 'dist');
const { discoverRuleFiles, loadRuleFile } = await import(join(dist, 'rule/load.js'));
const { compileRule } = await import(join(dist, 'engine/compile.js'));
const { toSigmaEvent } = await import(join(dist, 'engine/event.js'));
const { RuleIndex } = await import(join(dist, 'engine/index.js'));

const EVENTS = Number(process.argv.find((a) => /^\d+$/.test(a)) ?? 120_000);
let peakRss = process.memoryUsage().rss;
const sample = () => (peakRss = Math.max(peakRss, process.memoryUsage().rss));

// ---- rules -------------------------------------------------------------------------------------------
const dirs = ['rules', 'rules-emerging-threats', 'rules-threat-hunting', 'rules-compliance', 'rules-dfir', 'rules-placeholder']
  .map((d) => join(corpus, d))
  .filter(existsSync);
let t = performance.now();
const files = discoverRuleFiles(dirs);
const rules = [];
for (const file of files) {
  for (const rule of loadRuleFile(file, root).rules) {
    if (rule.kind === 'detection' && rule.logsource.product?.value === 'windows') rules.push(rule);
  }
}
const loadMs = performance.now() - t;
sample();
globalThis.gc?.();
const afterLoad = process.memoryUsage();

t = performance.now();
const compiled = [];
const failures = new Map();
for (const rule of rules) {
  try {
    compiled.push(compileRule(rule));
  } catch (error) {
    const reason = String(error.message).replace(/`[^`]*`/g, '…').slice(0, 60);
    failures.set(reason, (failures.get(reason) ?? 0) + 1);
  }
}
const compileMs = performance.now() - t;
t = performance.now();
const index = new RuleIndex(compiled);
const indexMs = performance.now() - t;
// The baseline build, when given: same rule models, its own compile and index.
let baseline;
if (process.env.ENGINE_BENCH_BASELINE) {
  const b = process.env.ENGINE_BENCH_BASELINE;
  const [{ compileRule: compileBase }, { toSigmaEvent: toBaseEvent }, { RuleIndex: BaseIndex }] = await Promise.all(
    ['engine/compile.js', 'engine/event.js', 'engine/index.js'].map((m) => import(join(b, m))),
  );
  const rulesBase = [];
  for (const rule of rules)
    try {
      rulesBase.push(compileBase(rule));
    } catch {
      // same failures as above
    }
  baseline = { dir: b, toEvent: toBaseEvent, index: new BaseIndex(rulesBase), ms: 0, matches: 0, candidates: 0 };
}
sample();
globalThis.gc?.();
const afterCompile = process.memoryUsage();
const rulesPeakRss = peakRss;

// ---- events ------------------------------------------------------------------------------------------
const { rand, pick, hex } = randomSource(42);
const guid = () => `{${hex(8)}-${hex(4)}-${hex(4)}-${hex(4)}-${hex(12)}}`;
const SYS = 'C:\\Windows\\System32\\';
const images = [
  `${SYS}svchost.exe`, `${SYS}cmd.exe`, `${SYS}WindowsPowerShell\\v1.0\\powershell.exe`, `${SYS}conhost.exe`, `${SYS}rundll32.exe`,
  `${SYS}taskhostw.exe`, `${SYS}wbem\\WmiPrvSE.exe`, `${SYS}RuntimeBroker.exe`, `${SYS}SearchIndexer.exe`, `${SYS}dllhost.exe`,
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Microsoft\\Edge\\Application\\msedge.exe',
  'C:\\Program Files\\Microsoft Office\\root\\Office16\\WINWORD.EXE', 'C:\\Program Files\\Microsoft Office\\root\\Office16\\OUTLOOK.EXE',
  'C:\\Windows\\explorer.exe', `${SYS}notepad.exe`, `${SYS}msiexec.exe`, `${SYS}sc.exe`, `${SYS}net.exe`, `${SYS}reg.exe`,
  `${SYS}schtasks.exe`, `${SYS}whoami.exe`, `${SYS}ipconfig.exe`, `${SYS}tasklist.exe`, `${SYS}wevtutil.exe`, `${SYS}certutil.exe`,
  'C:\\Users\\alice\\AppData\\Local\\Microsoft\\Teams\\current\\Teams.exe', 'C:\\Program Files\\Git\\cmd\\git.exe',
  'C:\\Program Files\\nodejs\\node.exe', 'C:\\Python311\\python.exe', 'C:\\Users\\bob\\Downloads\\setup.exe', `${SYS}mmc.exe`,
];
const users = ['CORP\\alice', 'CORP\\bob', 'NT AUTHORITY\\SYSTEM', 'NT AUTHORITY\\LOCAL SERVICE', 'CORP\\svc_backup', 'WS01\\admin'];
const args = [
  '', '-k netsvcs -p', '/c echo hello', '-NoProfile -ExecutionPolicy Bypass -File C:\\scripts\\inventory.ps1', '--type=renderer --lang=en-US',
  '/S /v/qn', 'query', 'start wuauserv', 'user', 'add HKCU\\Software\\Vendor /v Setting /d 1 /f', '/query /fo csv', '/all',
  'status', 'https://example.org/update', '"C:\\Users\\alice\\Documents\\report.docx"', '-m http.server 8000', 'install --production',
];
const hosts = ['WS01.corp.local', 'WS02.corp.local', 'SRV-DB1.corp.local', 'LAB-DC01.ludus.domain'];
const processEvent = () => {
  const image = pick(images);
  const parent = pick(images);
  const name = image.split('\\').pop();
  const security = rand() < 0.15;
  const common = { Computer: pick(hosts), CommandLine: `"${image}" ${pick(args)} ${pick(args)}`.trim(), ParentImage: parent };
  if (security)
    return { EventID: 4688, Channel: 'Security', ...common, NewProcessName: image, ParentProcessName: parent, SubjectUserName: pick(users).split('\\')[1], NewProcessId: '0x' + hex(4), TokenElevationType: '%%1936' };
  return {
    EventID: 1, Channel: 'Microsoft-Windows-Sysmon/Operational', ...common, UtcTime: '2024-05-06 07:30:00.123', ProcessGuid: guid(), ProcessId: Math.floor(rand() * 60000),
    Image: image, FileVersion: '10.0.19041.1', Description: name, Product: 'Microsoft® Windows® Operating System', Company: 'Microsoft Corporation',
    OriginalFileName: name, CurrentDirectory: 'C:\\Windows\\system32\\', User: pick(users), LogonGuid: guid(), LogonId: '0x' + hex(6), TerminalSessionId: 1,
    IntegrityLevel: pick(['Medium', 'High', 'System']), Hashes: `SHA1=${hex(40)},MD5=${hex(32)},SHA256=${hex(64)},IMPHASH=${hex(32)}`,
    ParentProcessGuid: guid(), ParentProcessId: Math.floor(rand() * 60000), ParentCommandLine: `"${parent}"`, ParentUser: pick(users),
  };
};
const networkEvent = () => ({
  EventID: 3, Channel: 'Microsoft-Windows-Sysmon/Operational', Computer: pick(hosts), UtcTime: '2024-05-06 07:30:01.456', ProcessGuid: guid(),
  ProcessId: Math.floor(rand() * 60000), Image: pick(images), User: pick(users), Protocol: pick(['tcp', 'udp']), Initiated: pick(['true', 'false']),
  SourceIsIpv6: 'false', SourceIp: `10.0.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`, SourceHostname: pick(hosts), SourcePort: Math.floor(rand() * 60000),
  DestinationIsIpv6: 'false', DestinationIp: `${Math.floor(rand() * 223)}.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}.${Math.floor(rand() * 255)}`,
  DestinationHostname: pick(['www.example.org', 'login.microsoftonline.com', 'update.vendor.net', '']), DestinationPort: pick([443, 80, 53, 445, 3389, 8080, 5985]),
  DestinationPortName: pick(['https', 'http', 'domain', '']),
});
const keys = ['HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\Updater', 'HKU\\S-1-5-21-1\\Software\\Classes\\CLSID\\' + '{0000}', 'HKLM\\System\\CurrentControlSet\\Services\\Tcpip\\Parameters\\Hostname', 'HKU\\S-1-5-21-1\\Software\\Microsoft\\Office\\16.0\\Word\\Options\\Setting', 'HKLM\\SOFTWARE\\Policies\\Microsoft\\Windows Defender\\Real-Time Protection\\Mode'];
const registryEvent = () => {
  const id = pick([12, 13, 13, 13, 14]);
  return {
    EventID: id, Channel: 'Microsoft-Windows-Sysmon/Operational', Computer: pick(hosts), EventType: id === 13 ? 'SetValue' : id === 12 ? pick(['CreateKey', 'DeleteValue']) : 'RenameKey',
    UtcTime: '2024-05-06 07:30:02.789', ProcessGuid: guid(), ProcessId: Math.floor(rand() * 60000), Image: pick(images), TargetObject: pick(keys) + hex(2),
    Details: pick(['DWORD (0x00000001)', 'C:\\Program Files\\Vendor\\updater.exe /silent', '(Empty)', 'Binary Data']), User: pick(users),
  };
};
const fileEvent = () => ({
  EventID: pick([11, 11, 23]), Channel: 'Microsoft-Windows-Sysmon/Operational', Computer: pick(hosts), UtcTime: '2024-05-06 07:30:03.000', ProcessGuid: guid(),
  ProcessId: Math.floor(rand() * 60000), Image: pick(images),
  TargetFilename: pick(['C:\\Users\\alice\\AppData\\Local\\Temp\\', 'C:\\Windows\\Temp\\', 'C:\\Users\\bob\\Downloads\\', 'C:\\ProgramData\\Vendor\\']) + hex(8) + pick(['.tmp', '.log', '.dll', '.docx', '.ps1', '.exe']),
  CreationUtcTime: '2024-05-06 07:30:03.000', User: pick(users),
});

// Crafted events: the first alternative of a rule's first search, with each simple item satisfied.
const CATEGORY_EVENT = { process_creation: [1, 'Microsoft-Windows-Sysmon/Operational'], network_connection: [3, 'Microsoft-Windows-Sysmon/Operational'], registry_set: [13, 'Microsoft-Windows-Sysmon/Operational'], file_event: [11, 'Microsoft-Windows-Sysmon/Operational'] };
const SIMPLE = new Set(['contains', 'startswith', 'endswith', 'all']);
const craftable = compiled.filter((c) => {
  const cat = c.rule.logsource.category?.value;
  if (!CATEGORY_EVENT[cat]) return false;
  const alt = c.searches[0]?.alternatives[0];
  return alt && alt.every((i) => i.field && !i.negated && i.item.modifiers.every((m) => SIMPLE.has(m.name)) && i.item.values.every((v) => typeof v.value === 'string' && !/[*?]/.test(v.value)));
});
const craftEvent = () => {
  const c = pick(craftable);
  const [EventID, Channel] = CATEGORY_EVENT[c.rule.logsource.category.value];
  const event = { ...(EventID === 1 ? processEvent() : EventID === 3 ? networkEvent() : EventID === 13 ? registryEvent() : fileEvent()), EventID, Channel };
  for (const item of c.searches[0].alternatives[0]) {
    const mods = item.item.modifiers.map((m) => m.name);
    const values = item.item.values.map((v) => v.value.replace(/\\\\/g, '\\'));
    const chosen = mods.includes('all') ? values : [pick(values)];
    event[item.field] = mods.includes('contains') ? `x ${chosen.join(' ')} y` : mods.includes('endswith') ? `C:\\x${chosen.join('')}` : mods.includes('startswith') ? `${chosen.join('')}x` : chosen[0];
  }
  return event;
};

const makers = [processEvent, processEvent, processEvent, processEvent, networkEvent, networkEvent, registryEvent, registryEvent, fileEvent, fileEvent];
let crafted = 0;
let genMs = 0;
let bytes = 0;
// The index remembers what each repeated field value hits; this makes every free-text value of an event new
// (a unique argument on command lines, a unique folder in paths and keys, a unique host name), the worst case.
let uniqueCounter = 0;
const makeUnique = (event) => {
  const n = ++uniqueCounter;
  for (const k of ['CommandLine', 'ParentCommandLine']) if (typeof event[k] === 'string') event[k] += ` /id:${n}`;
  for (const k of ['TargetObject', 'TargetFilename']) if (typeof event[k] === 'string') event[k] = event[k].replace(/\\([^\\]*)$/, `\\u${n}\\$1`);
  if (event.DestinationHostname) event.DestinationHostname = `h${n}.${event.DestinationHostname}`;
  return event;
};
const generate = (count, unique = false) => {
  const t0 = performance.now();
  const out = [];
  for (let i = 0; i < count; i++) {
    const crafting = rand() < 0.05 && craftable.length > 0;
    if (crafting && !unique) crafted++;
    const event = crafting ? craftEvent() : pick(makers)();
    out.push(JSON.stringify(unique ? makeUnique(event) : event));
  }
  genMs += performance.now() - t0;
  for (const l of out) bytes += l.length + 1;
  return out;
};

// ---- measurements ------------------------------------------------------------------------------------
// The stream is generated and consumed in chunks, so memory holds the rules plus one chunk of text, as a
// reader of a large event file would. Times are CPU time of this process (user + system), so other load
// on the machine does not count; wall-clock figures are printed beside them.
const fmtUs = (ms, n) => ((ms * 1000) / n).toFixed(2);
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};
// Events are generated and consumed 100 at a time, about what a line reader hands over from each 64 KB it
// reads: their text dies young. Longer-lived chunks were promoted to the old generation (10,000 events, about
// 9 MB, or 1,000), which a stream reader does not do: under the heap limit that meant a full collection every
// second or so while events streamed, against one in the whole stream with chunks of 100 (`--trace-gc`).
const CHUNK = 100;
const WARM_UP = 10_000;
// The first events, the warm-up, are also the first ones measured. Only a sample of them is kept for the
// measurements after the stream (the diagnostics keep more), so that memory holds the rules, the index and
// one chunk.
let firstEvents = generate(Math.min(WARM_UP, EVENTS));
if (process.env.ENGINE_BENCH_DUMP) writeFileSync(process.env.ENGINE_BENCH_DUMP, firstEvents.join('\n') + '\n'); // for offline profiling
const lines = firstEvents.slice(0, process.env.ENGINE_BENCH_SPLIT || process.env.ENGINE_BENCH_TOP ? WARM_UP : 2_000);
const texts = firstEvents.slice(0, 5_000).map((l) => JSON.parse(l).CommandLine ?? JSON.parse(l).TargetObject ?? '');
// One loop times every build (this one and the baseline), so that a comparison is like for like: the same
// code around `match`, warmed up the same way. (Separate loops favoured whichever build ran inline.)
const current = { toEvent: toSigmaEvent, index };
const runChunk = (build, chunk) => {
  const c = cpuMs();
  const w = performance.now();
  const evaluatedBefore = build.index.evaluated;
  let found = 0;
  let matched = 0;
  for (let i = 0; i < chunk.length; i++) {
    const hit = build.index.match(build.toEvent(JSON.parse(chunk[i]))).length;
    found += hit;
    if (hit > 0) matched++;
  }
  return { ms: cpuMs() - c, wallMs: performance.now() - w, matches: found, matchedEvents: matched, evaluated: build.index.evaluated - evaluatedBefore };
};
// Warm-up.
runChunk(current, firstEvents);
if (baseline) runChunk(baseline, firstEvents);
let parseMs = 0;
let parseWallMs = 0;
let evalMs = 0;
let evalWallMs = 0;
let matchedEvents = 0;
let matches = 0;
let candidates = 0;
let streamed = 0;
while (streamed < EVENTS) {
  let chunk;
  if (firstEvents !== undefined && streamed < firstEvents.length) chunk = firstEvents.slice(streamed, streamed + CHUNK);
  else {
    firstEvents = undefined;
    chunk = generate(Math.min(CHUNK, EVENTS - streamed));
  }
  // JSON.parse alone on the same text.
  let c0 = cpuMs();
  t = performance.now();
  let keep = 0;
  for (const line of chunk) keep += JSON.parse(line) ? 1 : 0;
  parseWallMs += performance.now() - t;
  parseMs += cpuMs() - c0;
  if (keep !== chunk.length) throw new Error('parse');
  const runBaseline = () => {
    const r = runChunk(baseline, chunk);
    baseline.ms += r.ms;
    baseline.matches += r.matches;
    baseline.candidates += r.evaluated;
  };
  if (baseline && (streamed / CHUNK) % 2 === 0) runBaseline();
  // Parse + shape + index + evaluation.
  const r = runChunk(current, chunk);
  matches += r.matches;
  matchedEvents += r.matchedEvents;
  candidates += r.evaluated;
  evalWallMs += r.wallMs;
  evalMs += r.ms;
  if (baseline && (streamed / CHUNK) % 2 === 1) runBaseline();
  streamed += chunk.length;
  if (process.env.ENGINE_BENCH_HEAP && streamed % 10_000 === 0) { globalThis.gc?.(); console.log(`after ${streamed}: heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(1)} MB, gate keys ${index.stats().logsourceKeys}`); }
  sample();
}
const eventCount = streamed;

// The worst case for the index's memory of repeated values: a stream in which no free-text value repeats.
const UNIQUE_EVENTS = Math.min(30_000, EVENTS);
let uniqueMs = 0;
let uniqueMatches = 0;
for (let done = 0; done < UNIQUE_EVENTS; done += CHUNK) {
  const chunk = generate(Math.min(CHUNK, UNIQUE_EVENTS - done), true);
  const c = cpuMs();
  for (let i = 0; i < chunk.length; i++) uniqueMatches += index.match(toSigmaEvent(JSON.parse(chunk[i]))).length;
  uniqueMs += cpuMs() - c;
  sample();
}

// Without the index, on a sample: every rule for every event (the index must give the same matches).
const noIndexCount = Math.min(2_000, lines.length);
let noIndexMatches = 0;
let indexMatchesOnSample = 0;
let c1 = cpuMs();
for (let i = 0; i < noIndexCount; i++) {
  const event = toSigmaEvent(JSON.parse(lines[i]));
  for (const rule of compiled) if (rule.matches(event)) noIndexMatches++;
}
const noIndexMs = cpuMs() - c1;
for (let i = 0; i < noIndexCount; i++) indexMatchesOnSample += index.match(toSigmaEvent(JSON.parse(lines[i]))).length;
sample();

if (process.env.ENGINE_BENCH_SPLIT) {
  // Where the time goes: parse + adapt, candidate lookup, evaluation.
  const events = lines.slice(0, 20_000).map((l) => JSON.parse(l));
  let c = cpuMs();
  const adapted = events.map((e) => toSigmaEvent(e));
  const adaptMs = cpuMs() - c;
  c = cpuMs();
  const lists = adapted.map((e) => index.candidates(e));
  const candMs = cpuMs() - c;
  c = cpuMs();
  let n = 0;
  adapted.forEach((e, i) => {
    for (const r of lists[i]) if (r.matches(e)) n++;
  });
  const evalOnlyMs = cpuMs() - c;
  console.log(`per event: adapt ${fmtUs(adaptMs, events.length)} µs, candidates ${fmtUs(candMs, events.length)} µs, evaluate ${fmtUs(evalOnlyMs, events.length)} µs (${n} matches)`);
}
if (process.env.ENGINE_BENCH_TOP) {
  // Which rules are candidates most often, and how often they match (to tune the index).
  const seenCount = new Map();
  for (let i = 0; i < Math.min(10_000, lines.length); i++) {
    const event = toSigmaEvent(JSON.parse(lines[i]));
    for (const rule of index.candidates(event)) {
      const entry = seenCount.get(rule) ?? [0, 0];
      entry[0]++;
      if (rule.matches(event)) entry[1]++;
      seenCount.set(rule, entry);
    }
  }
  const spent = new Map();
  for (let round = 0; round < 2; round++)
    for (let i = 0; i < Math.min(10_000, lines.length); i++) {
      const event = toSigmaEvent(JSON.parse(lines[i]));
      for (const rule of index.candidates(event)) {
        const t0 = performance.now();
        rule.matches(event);
        if (round === 1) spent.set(rule, (spent.get(rule) ?? 0) + performance.now() - t0);
      }
    }
  for (const [rule, ms] of [...spent].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.ENGINE_BENCH_TOP))) {
    const [c, m] = seenCount.get(rule);
    console.log(`${ms.toFixed(1)} ms`, c, m, rule.rule.title?.value, rule.rule.file.path.split('/').pop());
  }
}
// Regex engine: the corpus's `re` values as the engine runs them (re2js, or V8 for the patterns whose backtracking
// is provably bounded, after a minimum-length check) versus V8's backtracking RegExp for all, on the generated
// command lines; and one catastrophic pattern on a long input.
const { compileSigmaRegex } = await import(join(dist, 'engine/regex.js'));
const regexValues = [];
for (const c of compiled)
  for (const s of c.searches)
    for (const alt of s.alternatives)
      for (const item of alt) {
        const mods = item.item.modifiers.map((m) => m.name);
        if (mods[0] === 're') for (const v of item.item.values) regexValues.push({ pattern: String(v.value), i: mods.includes('i') });
      }
const used = regexValues.map((r) => compileSigmaRegex(r.pattern, { ignoreCase: r.i })).filter((r) => r.ok).map((r) => r.regex);
const v8 = [];
for (const r of regexValues) {
  try {
    const m = /^\(\?([ims]+)\)/.exec(r.pattern);
    v8.push(new RegExp(m ? r.pattern.slice(m[0].length) : r.pattern, (r.i || m?.[1].includes('i') ? 'i' : '') + (m?.[1].includes('s') ? 's' : '') + (m?.[1].includes('m') ? 'm' : '')));
  } catch {
    // Python syntax V8 does not read
  }
}
let c2 = cpuMs();
let usedHits = 0;
for (const text of texts) for (const r of used) if (r.test(text)) usedHits++;
const usedMs = cpuMs() - c2;
c2 = cpuMs();
let v8Hits = 0;
for (const text of texts) for (const r of v8) if (r.test(text)) v8Hits++;
const v8Ms = cpuMs() - c2;
const evil = compileSigmaRegex('(a+)+$').regex;
const evilText = 'a'.repeat(100_000) + '!';
c2 = cpuMs();
evil.test(evilText);
const evilMs = cpuMs() - c2;

const stats = index.stats();
const eps = (eventCount / evalMs) * 1000;
const mem = process.memoryUsage();
const fmt = (n, d = 0) => n.toLocaleString('en-US', { maximumFractionDigits: d, minimumFractionDigits: d });
const rows = [
  ['rules with product: windows', fmt(rules.length), `${files.length} files read`],
  ['compiled', fmt(compiled.length), failures.size ? [...failures].map(([r, n]) => `${n}× ${r}`).join('; ') : 'all'],
  ['indexed by required literals', fmt(stats.indexedRules), `${fmt(stats.atoms)} literals`],
  ['load (YAML → rule model)', `${fmt(loadMs)} ms`, ''],
  ['compile', `${fmt(compileMs)} ms`, `${fmt((compileMs * 1000) / Math.max(1, compiled.length), 1)} µs/rule`],
  ['build index', `${fmt(indexMs)} ms`, ''],
  ['events', fmt(eventCount), `${fmt(bytes / 1e6, 1)} MB JSON, ${fmt(crafted)} crafted from rules, generated in ${fmt(genMs)} ms, streamed in chunks of ${fmt(CHUNK)}`],
  ['JSON.parse only (CPU)', `${fmt(parseMs)} ms`, `${fmt((eventCount / parseMs) * 1000)} events/s (wall ${fmt(parseWallMs)} ms)`],
  ['parse + evaluate (CPU)', `${fmt(evalMs)} ms`, `${fmt(eps)} events/s, ${fmt(evalMs / parseMs, 1)}× JSON.parse (wall ${fmt(evalWallMs)} ms, ${fmt((eventCount / evalWallMs) * 1000)} events/s)`],
  ...(baseline
    ? [['baseline: parse + evaluate (CPU)', `${fmt(baseline.ms)} ms`, `${fmt((eventCount / baseline.ms) * 1000)} events/s, ${fmt(baseline.ms / parseMs, 1)}× JSON.parse; ${fmt(baseline.candidates / eventCount, 1)} rules per event; matches ${baseline.matches === matches ? 'same' : `DIFFERENT (${baseline.matches})`}; ${fmt(baseline.ms / evalMs, 2)}× the time of this build (${baseline.dir})`]]
    : []),
  ['parse + evaluate, unique values (CPU)', `${fmt(uniqueMs)} ms`, `${fmt((UNIQUE_EVENTS / uniqueMs) * 1000)} events/s on ${fmt(UNIQUE_EVENTS)} more events whose command lines, paths, keys and host names never repeat (${fmt(uniqueMatches)} matches)`],
  ['rules evaluated per event', fmt(candidates / eventCount, 1), `${fmt((100 * candidates) / eventCount / Math.max(1, compiled.length), 2)} % of ${fmt(compiled.length)}`],
  ['matches', fmt(matches), `${fmt(matchedEvents)} events matched at least one rule`],
  ['without index (sample)', `${fmt((noIndexCount / noIndexMs) * 1000)} events/s`, `${fmt(noIndexCount)} events; matches ${noIndexMatches} = with index ${indexMatchesOnSample}: ${noIndexMatches === indexMatchesOnSample ? 'same' : 'DIFFERENT'}`],
  ['regex: engine (used)', `${fmt(usedMs)} ms`, `${used.length} SigmaHQ \`re\` values (${used.filter((r) => r.boundedBacktracking).length} on V8 with bounded backtracking, the rest on re2js) × ${fmt(texts.length)} texts, ${fmt((usedMs * 1e6) / Math.max(1, used.length * texts.length))} ns/test, ${usedHits} hits`],
  ['regex: V8 RegExp', `${fmt(v8Ms)} ms`, `${v8.length} values, ${fmt((v8Ms * 1e6) / Math.max(1, v8.length * texts.length))} ns/test, ${v8Hits} hits (backtracking: can hang)`],
  ['regex: (a+)+$ on 100k chars', `${fmt(evilMs, 1)} ms`, 're2js, linear time (V8 RegExp would not finish)'],
  ['memory: rules loaded', `${fmt(afterLoad.rss / 1e6)} MB`, `RSS; heap ${fmt(afterLoad.heapUsed / 1e6)} MB (rule model with located YAML)`],
  ['memory: + compiled, indexed', `${fmt(afterCompile.rss / 1e6)} MB`, `RSS; heap ${fmt(afterCompile.heapUsed / 1e6)} MB; peak so far ${fmt(rulesPeakRss / 1e6)} MB`],
  ['memory: peak RSS', `${fmt(peakRss / 1e6)} MB`, `whole run (rules, index, one chunk of event text, ${fmt(lines.length)} sample lines${baseline ? ', and the baseline build' : ''}); heap at end ${fmt(mem.heapUsed / 1e6)} MB; heap limit ${fmt(getHeapStatistics().heap_size_limit / 1048576)} MB${process.env.ENGINE_BENCH_LIMIT_SET ? ` (set by this benchmark: --max-old-space-size=${process.env.ENGINE_BENCH_LIMIT_SET} --max-semi-space-size=4)` : ''}`],
  ['target', eps >= 50_000 && peakRss < 300e6 ? 'met' : 'NOT met', '≥ 50,000 events/s on one core, < 300 MB'],
];
const w0 = Math.max(...rows.map((r) => r[0].length));
const w1 = Math.max(...rows.map((r) => r[1].length));
console.log(`| ${'measure'.padEnd(w0)} | ${'value'.padStart(w1)} | notes |`);
console.log(`|${'-'.repeat(w0 + 2)}|${'-'.repeat(w1 + 2)}|-------|`);
for (const [a, b, c] of rows) console.log(`| ${a.padEnd(w0)} | ${b.padStart(w1)} | ${c} |`);
console.log(`\nnode ${process.version}, one thread, ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} cores, load average ${os.loadavg()[0].toFixed(1)} at the end).`);
console.log('events/s include JSON.parse, shape adaptation, index lookup and evaluation; CPU time of this process after a warm-up.');
if (noIndexMatches !== indexMatchesOnSample || (baseline && baseline.matches !== matches)) process.exitCode = 1;
