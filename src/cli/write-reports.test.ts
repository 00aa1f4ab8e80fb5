import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunReport } from '../core/results.js';
import { writeReports } from './write-reports.js';

const report = {} as RunReport;
const render = (format: string) => `${format} report\n`;

describe('writeReports', () => {
  it('creates the folders of an output file', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rulecheck-write-'));
    writeReports([{ format: 'json', file: 'reports/ci/out.json' }], report, cwd, render);
    expect(readFileSync(join(cwd, 'reports/ci/out.json'), 'utf8')).toBe('json report\n');
  });

  it('says in words why an output file cannot be written', () => {
    const cwd = mkdtempSync(join(tmpdir(), 'rulecheck-write-'));
    writeFileSync(join(cwd, 'notes'), '');
    mkdirSync(join(cwd, 'folder'));
    const write = (file: string) => () => writeReports([{ format: 'json', file }], report, cwd, render);
    expect(write('notes/out.json')).toThrow('cannot write `notes/out.json`: `notes` is a file, not a folder');
    expect(write('notes/deeper/out.json')).toThrow('cannot write `notes/deeper/out.json`: `notes` is a file, not a folder');
    expect(write('folder')).toThrow('cannot write `folder`: it is a folder');
  });
});
