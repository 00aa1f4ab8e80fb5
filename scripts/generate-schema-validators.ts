// Writes src/rule/schema-validators.generated.ts: the Sigma rule schemas compiled once by ajv into
// standalone validation code, so that `rulecheck` does not load and run the ajv compiler at start-up.
// Run after changing schemas/sigma-*-rule.schema.json: npm run schemas
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { generateSchemaValidators } from '../src/rule/schema-codegen.js';

const target = fileURLToPath(new URL('../src/rule/schema-validators.generated.ts', import.meta.url));
writeFileSync(target, generateSchemaValidators());
process.stdout.write(`wrote ${target}\n`);
