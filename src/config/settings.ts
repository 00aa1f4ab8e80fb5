import { isAbsolute, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { Severity } from '../core/diagnostic.js';
import type { CliValues } from '../cli/options.js';
import { UsageError } from '../cli/usage-error.js';
import { CHECKS } from '../lint/registry.js';
import { loadConfig } from './load.js';
import type { EventShape } from '../engine/event.js';
import type { RulecheckConfig } from './types.js';

/**
 * What a command runs with: the configuration file merged with the command line (the command line
 * wins), every path absolute. Every command builds it with `resolveSettings`.
 */
export interface Settings {
  cwd: string;
  configPath?: string;
  /** Rule files and directories to read (absolute). */
  paths: string[];
  /** True when `paths` came from the command line rather than the config or the default. */
  pathsGiven: boolean;
  catalogs: string[];
  emm?: string;
  severities: Record<string, Severity | 'off'>;
  lint: NonNullable<RulecheckConfig['lint']>;
  /** True for an absolute path the config's `ignore` globs exclude. */
  isIgnored(absPath: string): boolean;
  placeholders: Record<string, string[]>;
  fieldMappings: Record<string, string[]>;
  /** Logsource mode for tests from the config (`--logsource` on the command line wins). */
  logsourceMode?: 'default' | 'strict' | 'off';
  /** User logsource definitions file (absolute), from the config's `logsources`. */
  logsources?: string;
  /** Shape for a fixture file (absolute path), when the config sets one. */
  shapeFor(absPath: string): EventShape | undefined;
  strict: boolean;
  quiet: boolean;
  maxWarnings?: number;
}

export const DEFAULT_PATHS = ['rules'];

export function resolveSettings(positionals: string[], values: CliValues, cwd: string = process.cwd()): Settings {
  const loaded = loadConfig(cwd, values.config);
  const { config, dir } = loaded;
  const fromConfig = (p: string) => resolve(dir, p);
  const fromCwd = (p: string) => resolve(cwd, p);

  const maxWarnings = parseMaxWarnings(values['max-warnings']) ?? config.maxWarnings;
  const ignore = (config.ignore ?? []).map((glob) => picomatch(glob, { dot: true }));
  const shapes = Object.entries(config.fixtures?.shapes ?? {}).map(
    ([glob, shape]) => [picomatch(glob, { dot: true }), shape] as const,
  );
  const relToConfig = (absPath: string) => relative(dir, absPath).split('\\').join('/');

  return {
    cwd,
    configPath: loaded.path,
    paths: positionals.length > 0 ? positionals.map(fromCwd) : (config.paths ?? DEFAULT_PATHS).map(fromConfig),
    pathsGiven: positionals.length > 0,
    catalogs: [...(config.catalogs ?? []).map(fromConfig), ...(values.catalog ?? []).map(fromCwd)],
    emm: values.emm !== undefined ? fromCwd(values.emm) : config.emm !== undefined ? fromConfig(config.emm) : undefined,
    severities: config.severities ?? {},
    lint: lintSettings(resolveLintPaths(config.lint, fromConfig), values.preset),
    isIgnored: (absPath) => {
      if (ignore.length === 0 || !isAbsolute(absPath)) return false;
      const rel = relToConfig(absPath);
      return !rel.startsWith('../') && ignore.some((match) => match(rel));
    },
    placeholders: listValues(config.placeholders),
    fieldMappings: listValues(config.fieldMappings),
    ...(config.logsourceMode ? { logsourceMode: config.logsourceMode } : {}),
    ...(config.logsources !== undefined ? { logsources: fromConfig(config.logsources) } : {}),
    shapeFor: (absPath) => shapes.find(([match]) => match(relToConfig(absPath)))?.[1],
    strict: Boolean(values.strict) || config.strict === true,
    quiet: Boolean(values.quiet),
    maxWarnings,
  };
}

/** Lint options that name files (type `path`) are relative to the config file, like every path in it. */
function resolveLintPaths(lint: RulecheckConfig['lint'], fromConfig: (p: string) => string): RulecheckConfig['lint'] {
  if (!lint?.checks) return lint;
  const checks: NonNullable<NonNullable<RulecheckConfig['lint']>['checks']> = {};
  for (const [id, setting] of Object.entries(lint.checks)) {
    const specs = CHECKS.find((c) => c.meta.id === id)?.meta.options;
    if (typeof setting !== 'object' || !setting.options || !specs) {
      checks[id] = setting;
      continue;
    }
    const options = Object.fromEntries(
      Object.entries(setting.options).map(([name, value]) => [name, specs[name]?.type === 'path' && typeof value === 'string' && value ? fromConfig(value) : value]),
    );
    checks[id] = { ...setting, options };
  }
  return { ...lint, checks };
}

/** The config's lint section with `--preset` from the command line on top. */
function lintSettings(lint: RulecheckConfig['lint'], preset: string | undefined): NonNullable<RulecheckConfig['lint']> {
  if (preset === undefined) return lint ?? {};
  if (preset !== 'recommended' && preset !== 'sigmahq' && preset !== 'all')
    throw new UsageError(`--preset expects recommended, sigmahq or all, got \`${preset}\``);
  return { ...lint, preset };
}

function parseMaxWarnings(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new UsageError(`--max-warnings expects a whole number, got \`${text}\``);
  return Number(text);
}

function listValues(map: Record<string, string | string[]> | undefined): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(map ?? {})) out[key] = Array.isArray(value) ? value : [value];
  return out;
}
