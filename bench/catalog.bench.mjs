// Catalog loading: the in-process time to load every built-in catalog (target < 50 ms, each
// measured in a fresh process so nothing is cached), and the lazy path a run takes (parse only the
// catalog a rule's logsource or sample names, then build the indexes it needs);
// the EMM repository reader over the ../shared/corpora/emm checkout; and `rulecheck catalog list`
// as a whole process. Runs against dist/ (bench/run.mjs builds first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { median } from './support/stats.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => pathToFileURL(join(root, 'dist', p)).href;
const emmDir = join(root, '..', 'shared', 'corpora', 'emm');
const RUNS = 7;

/** Runs `body` (an async function source taking no arguments, returning ms) in a fresh node process. */
function freshProcess(body) {
  const script = `const ms = await (${body})(); process.stdout.write(String(ms));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return Number(result.stdout);
}

const loadBuiltin = `async () => {
  const { loadBuiltinCatalogs } = await import(${JSON.stringify(dist('catalog/load.js'))});
  const t = performance.now();
  for (const loaded of loadBuiltinCatalogs()) loaded.catalog.sources.length;
  return performance.now() - t;
}`;

const lookupUdr = `async () => {
  const { loadCatalogSet } = await import(${JSON.stringify(dist('catalog/load.js'))});
  const t = performance.now();
  const set = loadCatalogSet();
  const [udr] = set.sourcesForLogsource({ product: 'windows', service: 'user-device-registration' });
  set.eventTypesForCode(udr, 204);
  set.samples('udr/101');
  return performance.now() - t;
}`;

const lookupEmm = `async () => {
  const { loadCatalogSet } = await import(${JSON.stringify(dist('catalog/load.js'))});
  const t = performance.now();
  const set = loadCatalogSet();
  const [github] = set.sourcesForLogsource({ product: 'github', service: 'audit' });
  set.eventTypesForCode(github, 'org.sso_response');
  set.samples('emm/github/github_audit_events/account_login/success');
  return performance.now() - t;
}`;

const parseOnly = `async () => {
  const { readFileSync } = await import('node:fs');
  const t = performance.now();
  for (const id of ['udr', 'intune', 'emm', 'windows']) JSON.parse(readFileSync(${JSON.stringify(join(root, 'catalogs'))} + '/' + id + '.json', 'utf8'));
  return performance.now() - t;
}`;

const emmReader = `async () => {
  const { readEmmRepository } = await import(${JSON.stringify(dist('catalog/emm-reader.js'))});
  const t = performance.now();
  readEmmRepository(${JSON.stringify(emmDir)});
  return performance.now() - t;
}`;

const rows = [];
const measure = (label, fn) => {
  const times = Array.from({ length: RUNS }, fn);
  rows.push([label, median(times), Math.min(...times), Math.max(...times)]);
};

measure('JSON.parse of the 4 catalog files (floor)', () => freshProcess(parseOnly));
measure('all built-in catalogs, every file parsed (target < 50 ms)', () => freshProcess(loadBuiltin));
measure('catalog set + UDR lookups (parses udr.json only)', () => freshProcess(lookupUdr));
measure('catalog set + GitHub lookups (parses emm.json only)', () => freshProcess(lookupEmm));
if (existsSync(emmDir)) measure('readEmmRepository(../shared/corpora/emm)', () => freshProcess(emmReader));
else process.stdout.write(`(skipping the EMM reader: ${emmDir} is absent)\n`);

const bin = join(root, 'bin', 'rulecheck.js');
const wholeProcess = (args) => () => {
  const t = performance.now();
  const result = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return performance.now() - t;
};
measure('whole process: rulecheck catalog list', wholeProcess(['catalog', 'list']));
if (existsSync(emmDir)) measure('whole process: rulecheck catalog list --emm DIR', wholeProcess(['catalog', 'list', '--emm', emmDir]));

const fmt = (ms) => `${ms.toFixed(1)} ms`;
process.stdout.write(`| measurement (median of ${RUNS}, fresh process each) | median | min | max |\n|---|---:|---:|---:|\n`);
for (const [label, med, min, max] of rows) process.stdout.write(`| ${label} | ${fmt(med)} | ${fmt(min)} | ${fmt(max)} |\n`);
const builtin = rows.find((r) => r[0].startsWith('all built-in catalogs'));
if (builtin[1] >= 50) process.stdout.write(`\nLoading every built-in catalog took ${fmt(builtin[1])}, above the 50 ms target.\n`);
