import type { Rule } from '../../rule/model.js';
import { defineCheck } from '../types.js';
import { canonicalRule } from '../util/canonical.js';

export default defineCheck({
  meta: {
    id: 'lint/duplicate-detection',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'No two detection rules have the same logsource and detection logic (compared after normalising spelling: modifiers vs wildcards, list order, duplicates).',
    messages: { duplicate: 'This rule detects exactly what `{other}` ({file}) detects.' },
    kinds: ['detection'],
    equivalents: ['sigmahq-test:test_duplicate_detections'],
  },
  finalize({ rules, report }) {
    const seen = new Map<string, Rule>();
    for (const rule of rules) {
      if (rule.kind !== 'detection' || rule.detection.searches.length === 0) continue;
      const key = canonicalRule(rule);
      const earlier = seen.get(key);
      if (earlier) report(rule, 'duplicate', rule.detection.span, { other: earlier.title?.value ?? earlier.id?.value ?? 'another rule', file: earlier.file.path });
      else seen.set(key, rule);
    }
  },
});
