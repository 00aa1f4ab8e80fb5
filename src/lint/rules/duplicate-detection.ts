import type { DetectionRule, Rule } from '../../rule/model.js';
import { defineCheck } from '../types.js';
import { canonicalRule } from '../util/canonical.js';
import { items, logsourceKey } from '../util/model.js';
import { roughItemKey } from '../util/rough-key.js';

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
    // Only rules that share logsource and field names can be duplicates. A first pass on logsource and
    // field names alone (no value is read) leaves out most rules before the rough values are computed.
    const byFields = new Map<string, number>();
    const fieldKeys = new Map<Rule, string>();
    for (const rule of rules) {
      if (rule.kind !== 'detection' || rule.detection.searches.length === 0) continue;
      const fields = [...new Set(items(rule).map(({ item }) => item.field ?? ''))].sort().join('\u0001');
      const key = `${logsourceKey(rule)}#${fields}`;
      fieldKeys.set(rule, key);
      byFields.set(key, (byFields.get(key) ?? 0) + 1);
    }
    // Then only rules that share logsource and rough values (see rough-key.ts); canonicalise just those.
    const buckets = new Map<string, Rule[]>();
    for (const [rule, fieldKey] of fieldKeys) {
      if (byFields.get(fieldKey)! < 2) continue;
      const rough = [...new Set(items(rule).map(({ item }) => roughItemKey(item)))].sort().join('\u0001');
      const key = `${logsourceKey(rule as DetectionRule)}#${rough}`;
      const bucket = buckets.get(key);
      if (bucket) bucket.push(rule);
      else buckets.set(key, [rule]);
    }
    const seen = new Map<string, Rule>();
    for (const rule of [...buckets.values()].filter((b) => b.length > 1).flat()) {
      if (rule.kind !== 'detection') continue;
      const key = canonicalRule(rule);
      const earlier = seen.get(key);
      if (earlier) report(rule, 'duplicate', rule.detection.span, { other: earlier.title?.value ?? earlier.id?.value ?? 'another rule', file: earlier.file.path });
      else seen.set(key, rule);
    }
  },
});
