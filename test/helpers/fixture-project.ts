import { afterEach } from 'vitest';
import { mkdirSync, mkdtempSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { discoverRuleFiles, loadRuleFile } from '../../src/rule/load.js';
import type { LoadedFile, Rule } from '../../src/rule/model.js';
import { findManifests } from '../../src/fixtures/manifest.js';
import { isFixtureYaml } from '../../src/fixtures/project.js';
import { runTests, type RunTestsOptions, type TestRun } from '../../src/fixtures/runner.js';

/** A throw-away project folder for the runner's tests: files written from a map, rules loaded from disk. */
export class TestProject {
  readonly dir: string;

  constructor(files: Record<string, string>) {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), 'rulecheck-fixtures-')));
    for (const [path, text] of Object.entries(files)) this.write(path, text);
  }

  write(path: string, text: string): string {
    const abs = join(this.dir, path);
    mkdirSync(dirname(abs), { recursive: true });
    writeFileSync(abs, text);
    return abs;
  }

  path(relative: string): string {
    return join(this.dir, relative);
  }

  async load(paths: string[] = ['.']): Promise<{ loaded: LoadedFile[]; rules: Rule[] }> {
    const files = discoverRuleFiles(paths, this.dir).filter((f) => !isFixtureYaml(f));
    const loaded = files.map((f) => loadRuleFile(f, this.dir));
    return { loaded, rules: loaded.flatMap((f) => f.rules) };
  }

  /** Loads the rules and manifests under `paths` and runs every test. */
  async run(options: Omit<RunTestsOptions, 'cwd'> = {}, paths: string[] = ['.']): Promise<TestRun & { loaded: LoadedFile[] }> {
    const { loaded, rules } = await this.load(paths);
    const manifests = options.manifests ?? findManifests(paths, this.dir);
    const run = await runTests(rules, { ...options, manifests, cwd: this.dir });
    return { ...run, loaded };
  }

  remove(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/**
 * For a test file: a function that makes a TestProject, every one of which is removed after the
 * test that made it. Call once at the top level of the file.
 */
export function temporaryProjects(): (files?: Record<string, string>) => TestProject {
  const made: TestProject[] = [];
  afterEach(() => {
    for (const project of made.splice(0)) project.remove();
  });
  return (files = {}) => {
    const project = new TestProject(files);
    made.push(project);
    return project;
  };
}
