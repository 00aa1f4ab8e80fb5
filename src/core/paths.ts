import path from 'node:path';

/**
 * Paths as reports and messages show them: relative to the working directory, with forward slashes
 * on every platform.
 */

/** Relative to `cwd` (`../` when outside it, `.` for `cwd` itself); absolute only when no relative path exists (another drive). */
export function relativePath(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath);
  if (rel === '') return '.';
  return (path.isAbsolute(rel) ? absPath : rel).split(path.sep).join('/');
}

/** Relative to `cwd` when below it, else absolute (for paths outside the project, where `../../` says little). */
export function relativeOrAbsolute(absPath: string, cwd: string): string {
  const rel = path.relative(cwd, absPath);
  return (rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? absPath : rel).split(path.sep).join('/');
}
