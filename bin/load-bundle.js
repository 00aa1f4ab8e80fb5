import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

// Runs the CommonJS bundle of the CLI (dist/bundle/main.cjs, written by scripts/bundle.mjs) with
// V8's code cache: the build runs the bundle once on the project's own rules and saves the bytecode
// of every function that ran (main.cjs.cache), so a run reads that bytecode instead of parsing and
// compiling those functions again. Node 20 has no code cache for ES modules, hence CommonJS and vm.
// V8 checks only the source's length against the cache, and nothing of the cache's own bytes, so
// the cache file starts with the SHA-1 of the bundle and the cache together: a cache made from
// another bundle, a damaged one, or one V8 rejects (another Node version) is not used, and the run
// compiles as usual.

const HASH_BYTES = 20;

/** @param {string} bundlePath @param {{ cache?: boolean }} [options] */
export function loadBundle(bundlePath, { cache = true } = {}) {
  const source = readFileSync(bundlePath, 'utf8');
  const cachedData = cache ? readCache(`${bundlePath}.cache`, source) : undefined;
  // The same wrapper as Node's own CommonJS loader, so the cache matches the compiled text.
  const script = new Script(`(function (exports, require, module, __filename, __dirname) {${source}\n})`, {
    filename: bundlePath,
    cachedData,
  });
  const module = { exports: {} };
  script.runInThisContext()(module.exports, createRequire(bundlePath), module, bundlePath, dirname(bundlePath));
  return {
    /** @type {(argv: string[]) => Promise<number>} */
    main: module.exports.main,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    /** The cache file's contents for what has run so far in this process. */
    cacheContents: () => {
      const data = script.createCachedData();
      return Buffer.concat([digest(source, data), data]);
    },
  };
}

function digest(source, data) {
  return createHash('sha1').update(source).update(data).digest();
}

function readCache(path, source) {
  let file;
  try {
    file = readFileSync(path);
  } catch {
    return undefined;
  }
  if (file.length <= HASH_BYTES) return undefined;
  const data = file.subarray(HASH_BYTES);
  return file.subarray(0, HASH_BYTES).equals(digest(source, data)) ? data : undefined;
}
