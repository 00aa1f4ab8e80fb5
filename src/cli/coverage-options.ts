import { userLogsources } from '../config/logsources.js';
import type { Settings } from '../config/settings.js';
import { coverageOptionsFrom, type CoverageOptions } from '../coverage/run.js';

/** The coverage stage's options for a command: catalogs, EMM checkout, field mappings, and the config's logsource renames. */
export function coverageOptionsOf(settings: Settings): CoverageOptions {
  const logsources = userLogsources(settings);
  return { ...coverageOptionsFrom(settings), ...(logsources ? { logsources } : {}) };
}
