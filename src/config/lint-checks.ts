import { closestName } from '../core/closest-name.js';
import { UsageError } from '../cli/usage-error.js';
import { CHECKS } from '../lint/registry.js';
import { displayPath } from './load.js';
import type { Settings } from './settings.js';

/**
 * A lint check id in the config's `lint.checks` that no check has is a usage error naming the
 * config file, with the nearest id. (The schema checks the shape; only the registry knows the ids.)
 */
export function assertKnownLintChecks(settings: Pick<Settings, 'lint' | 'configPath' | 'cwd'>): void {
  const ids = Object.keys(settings.lint.checks ?? {});
  if (ids.length === 0) return;
  const known = CHECKS.map((check) => check.meta.id);
  for (const id of ids) {
    if (known.includes(id)) continue;
    const where = settings.configPath ? `config file \`${displayPath(settings.configPath, settings.cwd)}\`` : 'the configuration';
    const suggestion = closestName(id, known);
    throw new UsageError(`${where}: unknown lint check \`${id}\` in \`lint.checks\`${suggestion ? `; did you mean \`${suggestion}\`?` : ' (`rulecheck check --list-checks` lists them)'}`);
  }
}
