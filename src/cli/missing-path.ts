import { resolve } from 'node:path';
import { displayPath, PathNotFoundError } from '../rule/load.js';
import { UsageError } from './usage-error.js';

/** A path the loader did not find becomes the usage error the commands print for it; other errors pass unchanged. */
export function missingPathAsUsageError(error: unknown, cwd: string): unknown {
  if (error instanceof PathNotFoundError) return new UsageError(`path \`${displayPath(resolve(cwd, error.path), cwd)}\` does not exist`);
  return error;
}
