import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from './helpers.js';

const BUNDLE = join(ROOT, 'dist', 'bundle', 'main.cjs');
const LOADER = pathToFileURL(join(ROOT, 'bin', 'load-bundle.js')).href;

/** Loads a bundle through bin/load-bundle.js in a fresh node, as bin/rulecheck.js does; optionally runs it. */
function load(bundle: string, options: { cache: boolean; argv?: string[] }): { cacheUsed: boolean; stdout: string } {
  const script = `
    import { loadBundle } from ${JSON.stringify(LOADER)};
    const { main, cacheUsed } = loadBundle(${JSON.stringify(bundle)}, { cache: ${options.cache} });
    process.stderr.write(JSON.stringify({ cacheUsed }));
    ${options.argv ? `process.exitCode = await main(${JSON.stringify(options.argv)});` : ''}`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  if (result.status !== 0 && result.status !== 1) throw new Error(`exit ${result.status}: ${result.stderr}`);
  return { cacheUsed: (JSON.parse(result.stderr) as { cacheUsed: boolean }).cacheUsed, stdout: result.stdout };
}

describe('the bundle and its code cache', () => {
  it('the bundle is ASCII, so V8 keeps its source one byte per character', () => {
    expect(readFileSync(BUNDLE).findIndex((byte) => byte > 0x7f)).toBe(-1);
  });

  it('the build writes a code cache that a plain node accepts', () => {
    expect(existsSync(`${BUNDLE}.cache`)).toBe(true);
    expect(load(BUNDLE, { cache: true }).cacheUsed).toBe(true);
    expect(load(BUNDLE, { cache: false }).cacheUsed).toBe(false);
  });

  it('a run with the cache reports exactly what a run that compiles everything reports', () => {
    const argv = ['check', join(ROOT, 'rules'), '--format', 'json'];
    const compiled = load(BUNDLE, { cache: false, argv });
    const viaBin = spawnSync(process.execPath, [BIN, ...argv], { cwd: ROOT, encoding: 'utf8' });
    expect(viaBin.status).toBe(0);
    expect(JSON.parse(viaBin.stdout).summary).toEqual(JSON.parse(compiled.stdout).summary);
    expect(viaBin.stdout).toBe(compiled.stdout);
  });

  it('a cache made from another bundle of the same length is not used', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rulecheck-bundle-')), 'dist', 'bundle');
    mkdirSync(dir, { recursive: true });
    const same = join(dir, 'same.cjs');
    const edited = join(dir, 'edited.cjs');
    copyFileSync(BUNDLE, same);
    copyFileSync(`${BUNDLE}.cache`, `${same}.cache`);
    // Same length, still valid JavaScript, different text: V8 alone would take the cache.
    const source = readFileSync(BUNDLE, 'utf8');
    const renamed = source.replaceAll('__rulecheckModuleUrl', '__rulecheckModuleURL');
    expect(renamed).not.toBe(source);
    expect(renamed.length).toBe(source.length);
    writeFileSync(edited, renamed);
    copyFileSync(`${BUNDLE}.cache`, `${edited}.cache`);

    expect(load(same, { cache: true }).cacheUsed).toBe(true);
    expect(load(edited, { cache: true }).cacheUsed).toBe(false);
  });

  it('a damaged cache is not used, and the run still works', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'rulecheck-bundle-')), 'dist', 'bundle');
    mkdirSync(dir, { recursive: true });
    const bundle = join(dir, 'main.cjs');
    copyFileSync(BUNDLE, bundle);
    const cache = readFileSync(`${BUNDLE}.cache`);
    // One flipped bit in the bytecode: V8 checks no checksum of its own and would run it.
    const flipped = Buffer.from(cache);
    flipped[Math.floor(cache.length / 2)] ^= 0x10;
    writeFileSync(`${bundle}.cache`, flipped);
    const damaged = load(bundle, { cache: true, argv: ['--help'] });
    expect(damaged.cacheUsed).toBe(false);
    expect(damaged.stdout).toMatch(/^rulecheck: test harness and coverage linter for Sigma detection rules\n\nUsage:/);
    // Cut short.
    writeFileSync(`${bundle}.cache`, cache.subarray(0, cache.length >> 1));
    expect(load(bundle, { cache: true }).cacheUsed).toBe(false);
    writeFileSync(`${bundle}.cache`, cache);
    expect(load(bundle, { cache: true }).cacheUsed).toBe(true);
  });
});
