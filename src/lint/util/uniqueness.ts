import type { Span } from '../../core/diagnostic.js';
import type { Rule } from '../../rule/model.js';
import { defineCheck, type LintCheck } from '../types.js';

/** Builds the "X is used by several rules" checks: every later rule sharing a key with an earlier one is reported. */
export function uniqueAcrossRules(options: {
  id: string;
  what: string;
  /** What must be unique, compared as is; undefined when the rule has none. */
  key: (rule: Rule) => string | undefined;
  /** Where a repeated key is reported and how it is shown (only called for repeats). */
  locate: (rule: Rule) => { span: Span; display: string };
  severity: 'error' | 'warning';
  presets: ('recommended' | 'sigmahq')[];
  docs: string;
  equivalents?: string[];
}): LintCheck {
  return defineCheck({
    meta: {
      id: options.id,
      severity: options.severity,
      presets: options.presets,
      docs: options.docs,
      messages: { duplicate: `The ${options.what} \`{value}\` is also used by {other}.` },
      equivalents: options.equivalents,
    },
    finalize({ rules, report }) {
      const first = new Map<string, Rule>();
      for (const rule of rules) {
        const key = options.key(rule);
        if (key === undefined) continue;
        const earlier = first.get(key);
        if (!earlier) {
          first.set(key, rule);
          continue;
        }
        const where = earlier.file.path === rule.file.path ? `document ${earlier.documentIndex + 1} of this file` : `\`${earlier.file.path}\``;
        const { span, display } = options.locate(rule);
        report(rule, 'duplicate', span, { value: display, other: where });
      }
    },
  });
}
