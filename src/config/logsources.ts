import { existsSync, statSync } from 'node:fs';
import { loadLogsourceConfig, type LogsourceConfig } from '../engine/logsource.js';
import { UsageError } from '../cli/usage-error.js';
import { displayPath } from './load.js';
import type { Settings } from './settings.js';

/**
 * The logsource definitions of the config's `logsources` file merged over the built-in ones, or
 * undefined when the config names none. A file that is missing or malformed is a usage error of
 * one line naming the config file, since every test would run against the wrong definitions.
 */
export function userLogsources(settings: Pick<Settings, 'logsources' | 'configPath' | 'cwd'>): LogsourceConfig | undefined {
  const path = settings.logsources;
  if (path === undefined) return undefined;
  const where = settings.configPath ? `config file \`${displayPath(settings.configPath, settings.cwd)}\`` : 'the configuration';
  const shown = displayPath(path, settings.cwd);
  if (!existsSync(path)) throw new UsageError(`${where}: \`logsources\` file \`${shown}\` does not exist`);
  if (statSync(path).isDirectory()) throw new UsageError(`${where}: \`logsources\` file \`${shown}\` is a directory`);
  const { config, problems } = loadLogsourceConfig(path);
  if (problems.length > 0) {
    const text = problems.map((p) => p.replace(path, shown)).join('; ');
    throw new UsageError(`${where}: \`logsources\` file \`${shown}\`: ${text}`);
  }
  return config;
}
