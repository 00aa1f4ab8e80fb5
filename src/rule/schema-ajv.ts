import { readFileSync } from 'node:fs';
import { Ajv } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { RuleKind } from './model.js';

/**
 * The one ajv configuration of the rule schemas, shared by the validator generator
 * (scripts/generate-schema-validators.ts, ajv standalone code, so the CLI does not compile schemas
 * at start-up) and the test that checks the generated code is current.
 */

export const RULE_SCHEMA_FILES: Record<RuleKind, string> = {
  detection: 'sigma-detection-rule.schema.json',
  correlation: 'sigma-correlation-rule.schema.json',
  filter: 'sigma-filter-rule.schema.json',
};

const addFormats = addFormatsModule as unknown as (ajv: Ajv, formats?: string[]) => Ajv;

export function readRuleSchema(kind: RuleKind): { $id: string } & Record<string, unknown> {
  const url = new URL(`../../schemas/${RULE_SCHEMA_FILES[kind]}`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as { $id: string } & Record<string, unknown>;
}

export function createRuleSchemaAjv(standalone = false): Ajv {
  const ajv = new Ajv({
    allErrors: true,
    verbose: true,
    strict: true,
    strictRequired: false,
    strictTypes: false,
    allowUnionTypes: true,
    ...(standalone ? { code: { source: true, esm: true, lines: true } } : {}),
  });
  addFormats(ajv, ['uuid']);
  ajv.addKeyword({ keyword: 'x-message', schemaType: 'string' });
  return ajv;
}
