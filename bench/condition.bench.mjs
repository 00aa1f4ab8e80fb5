// In-process time to parse every `condition:` of the SigmaHQ corpus with the built parser (dist/), next to
// floors that do far less with the same strings: JSON.parse of each string as a JSON literal, and a naive regex
// tokenizer. Also shows why the parser is built once: the cost of constructing a chevrotain parser, per call.
// Runs against dist/ (bench/run.mjs builds first; alone: `npm run build && node bench/condition.bench.mjs`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fg from 'fast-glob';
import yaml from 'js-yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const corpus = join(root, '..', 'shared', 'corpora', 'sigmahq');
const dist = join(root, 'dist', 'condition');
const ROUNDS = 30;

if (!existsSync(corpus)) {
  console.log(`skipped: the SigmaHQ corpus is not at ${corpus}`);
  process.exit(0);
}
if (!existsSync(join(dist, 'parse.js'))) {
  console.error('dist/condition/parse.js is missing: run `npm run build` first');
  process.exit(1);
}

const importStarted = performance.now();
const { parseCondition } = await import(join(dist, 'parse.js'));
const importMs = performance.now() - importStarted;
const { tokenize } = await import(join(dist, 'lexer.js'));
const { ConditionGrammar } = await import(join(dist, 'grammar.js'));

const conditions = [];
for (const file of fg.sync('**/*.{yml,yaml}', { cwd: corpus })) {
  for (const document of yaml.loadAll(readFileSync(join(corpus, file), 'utf8'))) {
    for (const key of ['detection', 'filter']) {
      const detection = document?.[key];
      if (!detection || detection.condition === undefined) continue;
      const names = Object.keys(detection).filter((name) => name !== 'condition');
      for (const text of [detection.condition].flat()) conditions.push({ text: String(text), names });
    }
  }
}
const asJson = conditions.map(({ text }) => JSON.stringify(text));

/** Median wall time of one pass over all conditions, after warming up. */
function median(pass) {
  for (let i = 0; i < 5; i++) pass();
  // One collection before measuring; forcing one before every pass makes V8 flush the warm code.
  globalThis.gc?.();
  const times = [];
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    pass();
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)];
}

let sink = 0;
let invalid = 0;
const rows = [
  ['JSON.parse of each string (floor)', median(() => { for (const json of asJson) sink += JSON.parse(json).length; })],
  ['naive regex tokenizer (floor)', median(() => { for (const { text } of conditions) sink += text.match(/\(|\)|[^\s()]+/g).length; })],
  ['chevrotain lexer only', median(() => { for (const { text } of conditions) sink += tokenize(text).length; })],
  ['parseCondition (lex, parse, AST, checks)', median(() => {
    invalid = 0;
    for (const { text, names } of conditions) if (parseCondition(text, names).errors.length > 0) invalid++;
  })],
];

const constructions = 20;
const constructStarted = performance.now();
for (let i = 0; i < constructions; i++) new ConditionGrammar();
const constructMs = (performance.now() - constructStarted) / constructions;

console.log(`${conditions.length} conditions from ${corpus} (median of ${ROUNDS} passes, in-process, Node ${process.version})\n`);
console.log('| what | ms per pass | µs per condition |');
console.log('|---|---:|---:|');
for (const [what, ms] of rows) console.log(`| ${what} | ${ms.toFixed(1)} | ${((ms * 1000) / conditions.length).toFixed(2)} |`);
console.log(`| building the parser once (import of dist/condition/parse.js) | ${importMs.toFixed(1)} | - |`);
console.log(`| building a parser per call instead (${constructMs.toFixed(2)} ms each) | ${(constructMs * conditions.length).toFixed(0)} | ${(constructMs * 1000).toFixed(0)} |`);
console.log(`\n${invalid} of ${conditions.length} conditions reported an error${sink < 0 ? '' : ''}`);
process.exitCode = invalid === 0 ? 0 : 1;
