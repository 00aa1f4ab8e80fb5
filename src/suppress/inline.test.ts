import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../core/diagnostic.js';
import { SourceFile } from '../core/source.js';
import { applySuppressions, parseSuppressions } from './inline.js';

const RULE = `# rulecheck-disable lint/missing-author -- pack convention
title: Intune connector upload failed
logsource:
    product: windows
    service: intune-connector
detection:
    selection:
        # rulecheck-disable-next-line coverage/unknown-field, coverage/value-type
        UploadStatus: failed
        # rulecheck-disable-next-line coverage/*

        EventID: 1234
        DiagnosticCode: '0x00000400'   # rulecheck-disable-next-line lint/not-a-comment-directive
    condition: selection
`;

const source = new SourceFile('rules/intune_upload.yml', '/x/rules/intune_upload.yml', RULE);

/** A diagnostic on the first occurrence of `text`. */
function at(text: string, id: string): Diagnostic {
  const offset = RULE.indexOf(text);
  return { id, severity: 'warning', message: `${id} on ${text}`, file: source.path, span: source.span(offset, offset + text.length) };
}

describe('inline suppressions', () => {
  it('parses next-line and file directives with id lists, skipping blank and comment lines', () => {
    const parsed = parseSuppressions(source);
    expect(parsed.map((s) => [s.scope, s.targetLine, s.ids.map((i) => i.pattern)])).toEqual([
      ['file', undefined, ['lint/missing-author']],
      ['next-line', 9, ['coverage/unknown-field', 'coverage/value-type']],
      ['next-line', 12, ['coverage/*']],
    ]);
  });

  it('drops covered diagnostics and reports unused ids at the id', () => {
    const diagnostics = [
      at('title', 'lint/missing-author'),
      at('UploadStatus', 'coverage/unknown-field'),
      at('EventID', 'coverage/unknown-event'),
      at('DiagnosticCode', 'coverage/unknown-field'),
      at('selection', 'lint/other'),
    ];
    const kept = applySuppressions(source, diagnostics);
    expect(kept.map((d) => d.id)).toEqual(['coverage/unknown-field', 'lint/other', 'suppress/unused']);
    expect(kept[0].span.line).toBe(13);
    const unused = kept[2];
    expect(unused.message).toBe('Suppression of `coverage/value-type` is unused: no such diagnostic on the next line.');
    expect([unused.span.line, unused.span.column]).toEqual([8, 63]);
    expect(RULE.slice(unused.span.offset, unused.span.endOffset)).toBe('coverage/value-type');
  });

  it('ignores directive-like lines inside block scalars', () => {
    const text = `title: Block scalar
description: |
    Explains the suppression syntax:
    # rulecheck-disable lint/description-short
    and goes on.
tags: >-
    # rulecheck-disable-next-line lint/tag-format
# rulecheck-disable-next-line lint/real
level: low
`;
    const parsed = parseSuppressions(new SourceFile('b.yml', '/b.yml', text));
    expect(parsed.map((s) => [s.scope, s.targetLine, s.ids.map((i) => i.pattern)])).toEqual([['next-line', 9, ['lint/real']]]);
  });

  it('leaves files without directives untouched', () => {
    const plain = new SourceFile('a.yml', '/a.yml', 'title: a\n');
    const d: Diagnostic[] = [{ id: 'lint/x', severity: 'error', message: 'm', file: 'a.yml', span: plain.span(0, 5) }];
    expect(applySuppressions(plain, d)).toBe(d);
  });
});
