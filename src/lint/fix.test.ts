import { describe, expect, it } from 'vitest';
import { loadRuleText } from '../rule/load.js';
import { applyFixes, fixText, unifiedDiff } from './fix.js';
import { BASE, withDetection } from './test-rules.js';

const PATH = 'rules/windows/process_creation/proc_creation_win_example_rule.yml';

describe('applyFixes', () => {
  it('applies each diagnostic\'s edits together and skips a fix that overlaps one already taken', () => {
    const text = 'abcdef';
    const span = { line: 1, column: 1, endLine: 1, endColumn: 1, offset: 0, endOffset: 0 };
    const d = (offset: number, fix: { offset: number; endOffset: number; text: string }[]) => ({ id: 'lint/x', severity: 'info' as const, message: 'x.', file: 'f', span: { ...span, offset }, fix });
    const result = applyFixes(text, [
      d(0, [{ offset: 0, endOffset: 1, text: 'A' }, { offset: 4, endOffset: 5, text: 'E' }]),
      d(1, [{ offset: 4, endOffset: 6, text: '' }]),
      d(2, [{ offset: 2, endOffset: 3, text: 'C' }]),
    ]);
    expect(result).toEqual({ text: 'AbCdEf', applied: 2 });
  });
});

describe('fixText', () => {
  const messy = withDetection(
    "detection:\n    selection:\n        # keep this comment\n        Image:\n            - '*\\example.exe'\n        CommandLine:\n            - '*run*'\n            - '*run*'\n    condition: selection",
  ).replace('Process Start', 'Process Start.');

  it('fixes until nothing changes, keeps comments, and a second run changes nothing', () => {
    const first = fixText(PATH, messy, loadRuleText, { preset: 'all' });
    expect(first.text).toContain('# keep this comment');
    expect(first.text).toContain("Image|endswith: '\\example.exe'");
    expect(first.text).toContain("CommandLine|contains: 'run'");
    expect(first.text).toContain('title: Suspicious Example Process Start\n');
    const second = fixText(PATH, first.text, loadRuleText, { preset: 'all' });
    expect(second.applied).toBe(0);
    expect(second.text).toBe(first.text);
  });

  it('leaves a clean file byte-for-byte alone', () => {
    expect(fixText(PATH, BASE, loadRuleText, { preset: 'all' }).text).toBe(BASE);
  });
});

describe('unifiedDiff', () => {
  it('prints only the changed lines with context', () => {
    const diff = unifiedDiff('a.yml', 'a\nb\nc\nd\ne\nf\ng\nh\n', 'a\nb\nc\nD\ne\nf\ng\nh\n');
    expect(diff).toBe('--- a/a.yml\n+++ b/a.yml\n@@ -2,5 +2,5 @@\n b\n c\n-d\n+D\n e\n f\n');
  });
});
