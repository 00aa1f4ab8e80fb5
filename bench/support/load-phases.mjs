// In-process split of what `check` does per file, on dist/: YAML with positions, rule model (field
// specs, modifier checks), schema, conditions; first (cold) pass and best of the warm passes.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';

const [root, corpus] = process.argv.slice(2);
const dist = (path) => import(join(root, 'dist', path));
const { SourceFile } = await dist('core/source.js');
const { parseYamlDocuments } = await dist('rule/yaml-load.js');
const { buildRule } = await dist('rule/build-rule.js');
const { validateRuleSchema } = await dist('rule/schema.js');
const { linkConditions } = await dist('rule/conditions.js');
const { discoverRuleFiles } = await dist('rule/load.js');

const files = discoverRuleFiles([corpus]);
const texts = files.map((file) => readFileSync(file, 'utf8'));
const passes = [];
for (let pass = 0; pass < 6; pass++) {
  const t = {};
  let start = performance.now();
  for (const text of texts) {
    try {
      yaml.loadAll(text);
    } catch {}
  }
  t.bare = performance.now() - start;
  start = performance.now();
  const parsed = texts.map((text, i) => {
    const source = new SourceFile(files[i], files[i], text);
    return [source, parseYamlDocuments(source)];
  });
  t.yaml = performance.now() - start;
  start = performance.now();
  const built = [];
  for (const [source, result] of parsed) {
    for (const doc of result.documents) if (doc.root.kind === 'map') built.push([source, doc, buildRule(doc.root, doc.index, source).rule]);
  }
  t.model = performance.now() - start;
  start = performance.now();
  for (const [source, doc, rule] of built) validateRuleSchema(doc.root, rule?.kind ?? 'detection', source);
  t.schema = performance.now() - start;
  start = performance.now();
  for (const [, , rule] of built) if (rule) linkConditions(rule);
  t.conditions = performance.now() - start;
  passes.push(t);
}
const best = {};
for (const key of Object.keys(passes[0])) best[key] = Math.min(...passes.slice(1).map((p) => p[key]));
console.log(JSON.stringify({ cold: passes[0], warm: best }));
