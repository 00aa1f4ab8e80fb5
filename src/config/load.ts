import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join, resolve } from 'node:path';
import type { ErrorObject, ValidateFunction } from 'ajv';
import { closestName } from '../core/closest-name.js';
import yaml from 'js-yaml';
import { UsageError } from '../cli/usage-error.js';
import { relativeOrAbsolute } from '../core/paths.js';
import type { RulecheckConfig } from './types.js';
import { fileErrorReason } from '../core/file-errors.js';

/**
 * Finds and reads the configuration: `--config FILE`, or the first of rulecheck.config.json,
 * rulecheck.config.yaml, rulecheck.config.yml and a `rulecheck` key in package.json, looking in the
 * working directory and then each parent. Every problem is a UsageError of one line (exit 2).
 */

export const CONFIG_FILE_NAMES = ['rulecheck.config.json', 'rulecheck.config.yaml', 'rulecheck.config.yml'] as const;

export interface LoadedConfig {
  config: RulecheckConfig;
  /** The file the configuration came from; undefined when none was found. */
  path?: string;
  /** Directory that relative paths in the configuration are relative to. */
  dir: string;
}

export function loadConfig(cwd: string, explicitPath?: string): LoadedConfig {
  if (explicitPath !== undefined) {
    const path = resolve(cwd, explicitPath);
    return readConfigFile(path, cwd, basename(path) === 'package.json');
  }
  for (let dir = resolve(cwd); ; dir = dirname(dir)) {
    for (const name of CONFIG_FILE_NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return readConfigFile(path, cwd, false);
    }
    const pkg = join(dir, 'package.json');
    if (existsSync(pkg) && packageHasConfig(pkg)) return readConfigFile(pkg, cwd, true);
    if (dirname(dir) === dir) return { config: {}, dir: resolve(cwd) };
  }
}

function packageHasConfig(path: string): boolean {
  try {
    const data = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    return typeof data === 'object' && data !== null && 'rulecheck' in data;
  } catch {
    return false;
  }
}

function readConfigFile(path: string, cwd: string, fromPackageJson: boolean): LoadedConfig {
  const shown = displayPath(path, cwd);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason = code === 'ENOENT' ? 'no such file' : fileErrorReason(error, path);
    throw new UsageError(`cannot read config file \`${shown}\`: ${reason}`);
  }
  let data = parseConfigText(text, path, shown);
  let where = shown;
  if (fromPackageJson) {
    const pkg = data as Record<string, unknown> | null;
    if (typeof pkg !== 'object' || pkg === null || !('rulecheck' in pkg)) {
      throw new UsageError(`config file \`${shown}\` has no \`rulecheck\` key`);
    }
    data = pkg.rulecheck;
    where = `${shown} (key \`rulecheck\`)`;
  }
  if (data === null || data === undefined) data = {};
  validateConfig(data, where);
  return { config: data as RulecheckConfig, path, dir: dirname(path) };
}

function parseConfigText(text: string, path: string, shown: string): unknown {
  if (path.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new UsageError(`config file \`${shown}\` is not valid JSON: ${(error as Error).message}`);
    }
  }
  try {
    return yaml.load(text, { filename: shown, json: true });
  } catch (error) {
    const e = error as { mark?: { line: number; column: number }; reason?: string; message: string };
    const at = e.mark ? `:${e.mark.line + 1}:${e.mark.column + 1}` : '';
    throw new UsageError(`config file \`${shown}${at}\` is not valid YAML: ${e.reason ?? e.message.split('\n')[0]}`);
  }
}

let validator: ValidateFunction | undefined;

function validateConfig(data: unknown, where: string): void {
  validator ??= compileSchema();
  if (validator(data)) return;
  throw new UsageError(`config file \`${where}\`: ${describeError(pickError(validator.errors ?? []))}`);
}

function compileSchema(): ValidateFunction {
  const require = createRequire(import.meta.url);
  const Ajv = require('ajv') as typeof import('ajv').default;
  const schema = JSON.parse(readFileSync(new URL('../../schemas/config.schema.json', import.meta.url), 'utf8'));
  return new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
}

/** The most useful error of several: an unknown key first, then the deepest one. */
function pickError(errors: ErrorObject[]): ErrorObject {
  const unknown = errors.find((e) => e.keyword === 'additionalProperties');
  if (unknown) return unknown;
  return [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
}

function describeError(error: ErrorObject): string {
  const at = error.instancePath
    .split('/')
    .slice(1)
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
  if (error.keyword === 'additionalProperties') {
    const key = (error.params as { additionalProperty: string }).additionalProperty;
    const allowed = Object.keys((error.parentSchema as { properties?: Record<string, unknown> }).properties ?? {}).filter(
      (k) => k !== '$schema',
    );
    const suggestion = closestName(key, allowed);
    const hint = suggestion ? `; did you mean \`${suggestion}\`?` : '';
    return `unknown key \`${at ? `${at}.` : ''}${key}\`${hint} (known keys: ${allowed.join(', ')})`;
  }
  if (error.keyword === 'propertyNames') {
    const name = (error.params as { propertyName?: string }).propertyName;
    return `\`${at}\` has an invalid key \`${name}\` (expected a diagnostic id such as \`lint/title-length\` or \`coverage/*\`)`;
  }
  if (error.keyword === 'enum') {
    const allowed = (error.params as { allowedValues: unknown[] }).allowedValues.map((v) => JSON.stringify(v)).join(', ');
    return `\`${at}\` must be one of ${allowed}`;
  }
  return `\`${at || '(top level)'}\` ${error.message ?? 'is invalid'}`;
}

/** A path as messages show it: relative to `cwd` when below it, else absolute. */
export const displayPath = relativeOrAbsolute;
