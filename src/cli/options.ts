import { parseArgs } from 'node:util';
import { pairOutputs } from './outputs.js';

/**
 * Every command-line option, in one table (node:util parseArgs). Commands read what they need
 * from `CliOptions`; an option unknown to the table is a usage error (exit 2).
 */
export const OPTION_TABLE = {
  format: { type: 'string', multiple: true, short: 'f' },
  output: { type: 'string', multiple: true, short: 'o' },
  catalog: { type: 'string', multiple: true },
  emm: { type: 'string' },
  config: { type: 'string' },
  strict: { type: 'boolean' },
  quiet: { type: 'boolean', short: 'q' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
  baseline: { type: 'string', multiple: true },
  mutate: { type: 'boolean' },
  'min-item-coverage': { type: 'string' },
  watch: { type: 'boolean', short: 'w' },
  logsource: { type: 'string' },
  'max-warnings': { type: 'string' },
  'changed-since': { type: 'string' },
  preset: { type: 'string' },
  fix: { type: 'boolean' },
  'fix-dry-run': { type: 'boolean' },
  'list-checks': { type: 'boolean' },
  'no-coverage': { type: 'boolean' },
} as const;

export type CliValues = ReturnType<typeof parseCli>['values'];

export function parseCli(argv: string[]) {
  const { values, positionals, tokens } = parseArgs({
    args: argv,
    options: OPTION_TABLE,
    allowPositionals: true,
    strict: true,
    tokens: true,
  });
  // `--format`/`--output` pairs in command-line order (the two lists alone lose the pairing).
  return { values: { ...values, outputs: pairOutputs(tokens) }, positionals };
}
