import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findEventFiles } from '../fixtures/event-file.js';
import { findManifests } from '../fixtures/manifest.js';
import { findFiles } from './find-files.js';

/** A tree with a real file, a link to it, a broken link, a folder named like a file and a link back up. */
function tree(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rulecheck-find-'));
  mkdirSync(join(dir, 'data/sub/folder.json'), { recursive: true });
  mkdirSync(join(dir, 'data/node_modules'), { recursive: true });
  writeFileSync(join(dir, 'data/events.json'), '{"a": 1}\n');
  writeFileSync(join(dir, 'data/node_modules/skip.json'), '{}\n');
  writeFileSync(join(dir, 'data/fixtures.yml'), 'fixtures: []\n');
  symlinkSync(join(dir, 'data/events.json'), join(dir, 'data/sub/linked.json'));
  symlinkSync(join(dir, 'nowhere.json'), join(dir, 'data/sub/broken.json'));
  symlinkSync(join(dir, 'data'), join(dir, 'data/sub/up'));
  return dir;
}

describe('finding input files', () => {
  it('lists files and links to files once each, keeps broken links, and never follows a link into a folder', async () => {
    const dir = tree();
    const expected = ['data/events.json', 'data/sub/broken.json', 'data/sub/linked.json'];
    const shown = (files: string[]) => files.map((f) => relative(dir, f)).sort();
    expect(shown(findFiles('**/*.json', { cwd: join(dir, 'data'), ignore: ['**/node_modules/**'] }))).toEqual(expected);
    expect(shown(findEventFiles(join(dir, 'data')))).toEqual(expected);
    // Following `sub/up` would find the manifest again at every level until the system gives up.
    expect(shown(findManifests(['data'], dir))).toEqual(['data/fixtures.yml']);
  });
});
