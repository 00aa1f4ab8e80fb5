import { lstatSync, readlinkSync } from 'node:fs';

/**
 * Why a file could not be read or written, as the end of a sentence ("This file cannot be read: …"),
 * in place of an error code such as ENOENT. A broken symbolic link names where it points.
 */
export function fileErrorReason(error: unknown, path?: string): string {
  const { code, message } = error as NodeJS.ErrnoException;
  switch (code) {
    case 'ENOENT': {
      const target = path === undefined ? undefined : linkTarget(path);
      return target === undefined ? 'it does not exist' : `it is a link to \`${target}\`, which does not exist`;
    }
    case 'ELOOP':
      return 'its symbolic links form a loop';
    case 'EISDIR':
      return 'it is a folder';
    case 'ENOTDIR':
      return 'a part of its path is a file, not a folder';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EROFS':
      return 'the file system is read-only';
    case 'ENOSPC':
      return 'no space is left on the device';
    case 'EMFILE':
    case 'ENFILE':
      return 'too many files are open';
    default:
      return message ?? String(error);
  }
}

function linkTarget(path: string): string | undefined {
  try {
    return lstatSync(path).isSymbolicLink() ? readlinkSync(path) : undefined;
  } catch {
    return undefined;
  }
}
