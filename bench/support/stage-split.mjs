// One cold `check` in this process, stage by stage (the stages of src/cli/pipeline.ts, as the CLI
// runs them, on dist/), then the json report: what each stage costs on a first and only pass, which
// is what a CLI run pays. Prints {stage: {ms, cpu}} as JSON, plus the GC time of the whole pass.
// Usage: node bench/support/stage-split.mjs ROOT CORPUS
import { PerformanceObserver } from 'node:perf_hooks';
import { join } from 'node:path';

const [root, corpus] = process.argv.slice(2);
let gcMs = 0;
new PerformanceObserver((list) => { for (const entry of list.getEntries()) gcMs += entry.duration; }).observe({ entryTypes: ['gc'] });

const dist = (path) => import(join(root, 'dist', path));
const started = now();
const { CHECK_STAGES, buildReport } = await dist('cli/pipeline.js');
const { formatJson } = await dist('report/json.js');
const timings = { 'module loading (unbundled)': since(started) };
const state = { cwd: process.cwd(), paths: [corpus], options: { cwd: process.cwd() }, files: [], loaded: [], diagnostics: [], sections: {} };
for (const stage of CHECK_STAGES) {
  const t = now();
  await stage.run(state);
  timings[stage.name] = since(t);
}
const t = now();
formatJson(buildReport(state));
timings['report (json)'] = since(t);
await new Promise((resolve) => setTimeout(resolve, 0));
console.log(JSON.stringify({ timings, gcMs }));

function now() {
  return { wall: performance.now(), cpu: process.cpuUsage() };
}
function since(start) {
  const cpu = process.cpuUsage(start.cpu);
  return { ms: performance.now() - start.wall, cpu: (cpu.user + cpu.system) / 1000 };
}
