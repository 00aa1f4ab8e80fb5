import { afterEach, describe, expect, it } from 'vitest';
import { parseCli } from './options.js';
import { validateTargets } from './outputs.js';
import { createProgress } from './progress.js';

const FORMATS = ['stylish', 'json', 'sarif', 'github', 'markdown'];

describe('--format/--output pairs', () => {
  const targets = (...argv: string[]) => parseCli(argv).values.outputs;

  it('pairs each output with the format before it, and leaves one format for stdout', () => {
    expect(targets('rules/', '--format', 'github', '--format', 'sarif', '--output', 'r.sarif', '-f', 'markdown', '-o', 'summary.md')).toEqual([
      { format: 'github', file: undefined },
      { format: 'sarif', file: 'r.sarif' },
      { format: 'markdown', file: 'summary.md' },
    ]);
  });

  it('an output given first belongs to the next format; an output alone gets the default format', () => {
    expect(targets('-o', 'a.json', '-f', 'json')).toEqual([{ format: 'json', file: 'a.json' }]);
    expect(validateTargets(targets('-o', 'report.txt'), FORMATS, 'stylish')).toEqual([{ format: 'stylish', file: 'report.txt' }]);
    expect(validateTargets(targets(), FORMATS, 'stylish')).toEqual([{ format: 'stylish' }]);
  });

  it('rejects unknown formats and two formats on stdout', () => {
    expect(() => validateTargets(targets('-f', 'xml'), FORMATS, 'stylish')).toThrow('unknown format `xml` (known formats: stylish, json, sarif, github, markdown)');
    expect(() => validateTargets(targets('-f', 'json', '-f', 'github'), FORMATS, 'stylish')).toThrow(
      'formats `json` and `github` would both go to stdout; give all but one an --output FILE',
    );
  });
});

describe('progress', () => {
  const saved = { CI: process.env.CI, GITHUB_ACTIONS: process.env.GITHUB_ACTIONS };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  function fakeStream(isTTY: boolean): { stream: NodeJS.WriteStream; written: string[] } {
    const written: string[] = [];
    const stream = { isTTY, write: (text: string) => written.push(text) } as unknown as NodeJS.WriteStream;
    return { stream, written };
  }

  it('draws done/total on a terminal and clears it at the end', () => {
    delete process.env.CI;
    delete process.env.GITHUB_ACTIONS;
    const { stream, written } = fakeStream(true);
    const progress = createProgress('checking rules', stream);
    progress.update(1, 3);
    progress.update(3, 3);
    progress.done();
    expect(written).toEqual(['\r\x1b[2Kchecking rules 1/3', '\r\x1b[2Kchecking rules 3/3', '\r\x1b[2K']);
  });

  it('writes nothing when not a terminal, or in CI', () => {
    delete process.env.CI;
    const pipe = fakeStream(false);
    createProgress('x', pipe.stream).update(1, 1);
    expect(pipe.written).toEqual([]);
    process.env.CI = 'true';
    const tty = fakeStream(true);
    const progress = createProgress('x', tty.stream);
    progress.update(1, 1);
    progress.done();
    expect(tty.written).toEqual([]);
  });
});
