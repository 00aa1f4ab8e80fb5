import { afterEach, describe, expect, it } from 'vitest';
import { TestSession } from '../../src/fixtures/session.js';
import { ChangeWatcher } from '../../src/fixtures/watch.js';
import { temporaryProjects, type TestProject } from '../helpers/fixture-project.js';

const rule = (title: string, id: string, code: number, fixture: string) => `title: ${title}
id: ${id}
status: test
logsource:
    product: windows
    service: user-device-registration
detection:
    selection:
        EventID: ${code}
    condition: selection
level: low
tests:
    - name: fires on the recorded event
      expect: match
      fixture: ${fixture}
`;

const newProject = temporaryProjects();

function setUp(): TestProject {
  const project = newProject({
    'rules/a.yml': rule('Rule A', '00000000-0000-4000-8000-00000000000a', 304, '../fixtures/a.json'),
    'rules/b.yml': rule('Rule B', '00000000-0000-4000-8000-00000000000b', 305, '../fixtures/b.json'),
    'fixtures/a.json': JSON.stringify({ EventID: 304 }),
    'fixtures/b.json': JSON.stringify({ EventID: 305 }),
  });
  return project;
}

describe('watch mode', () => {
  it('re-runs only the rules a changed rule file or fixture affects', async () => {
    const p = setUp();
    const session = new TestSession({ cwd: p.dir, paths: [p.path('rules')] });
    const first = await session.runAll();
    expect(first.run.tests.map((t) => [t.rule, t.status])).toEqual([
      ['Rule A', 'pass'],
      ['Rule B', 'pass'],
    ]);

    // A fixture change re-runs the rule that reads it, with the new content.
    p.write('fixtures/a.json', JSON.stringify({ EventID: 999 }));
    const afterFixture = await session.rerun([p.path('fixtures/a.json')]);
    expect(afterFixture?.run.tests.map((t) => [t.rule, t.status])).toEqual([['Rule A', 'fail']]);

    // A rule change reloads the rule file and re-runs its tests only.
    p.write('rules/a.yml', rule('Rule A', '00000000-0000-4000-8000-00000000000a', 999, '../fixtures/a.json'));
    const afterRule = await session.rerun([p.path('rules/a.yml')]);
    expect(afterRule?.run.tests.map((t) => [t.rule, t.status])).toEqual([['Rule A', 'pass']]);
    expect(afterRule?.report.files.map((f) => f.path)).toContain('rules/a.yml');

    // The dependency map survives partial runs: the other rule's fixture still triggers it.
    p.write('fixtures/b.json', JSON.stringify({ EventID: 1 }));
    const afterB = await session.rerun([p.path('fixtures/b.json')]);
    expect(afterB?.run.tests.map((t) => [t.rule, t.status])).toEqual([['Rule B', 'fail']]);

    // A file nothing reads changes nothing.
    p.write('notes.txt', 'unrelated');
    expect(await session.rerun([p.path('notes.txt')])).toBeUndefined();
    expect(session.watchedPaths()).toEqual(expect.arrayContaining([p.path('rules'), p.path('fixtures/a.json'), p.path('fixtures/b.json')]));
  });

  it('reports changes to watched files in one batch', async () => {
    const p = setUp();
    const batches: string[][] = [];
    const watcher = new ChangeWatcher((paths) => batches.push(paths), 50);
    watcher.update([p.path('rules'), p.path('fixtures/a.json')]);
    try {
      await new Promise((r) => setTimeout(r, 100));
      p.write('fixtures/a.json', JSON.stringify({ EventID: 1 }));
      p.write('rules/a.yml', rule('Rule A', '00000000-0000-4000-8000-00000000000a', 1, '../fixtures/a.json'));
      p.write('fixtures/b.json', JSON.stringify({ EventID: 2 })); // not watched
      for (let i = 0; i < 40 && batches.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    } finally {
      watcher.close();
    }
    expect(batches.length).toBeGreaterThan(0);
    const seen = new Set(batches.flat());
    expect(seen.has(p.path('fixtures/a.json'))).toBe(true);
    expect(seen.has(p.path('rules/a.yml'))).toBe(true);
    expect(seen.has(p.path('fixtures/b.json'))).toBe(false);
  });
});
