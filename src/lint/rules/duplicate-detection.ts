import type { DetectionRule, Rule } from '../../rule/model.js';
import { defineCheck } from '../types.js';
import { canonicalRule } from '../util/canonical.js';
import { items, logsourceKey, valueFacts } from '../util/model.js';
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
    // Only rules that share logsource and value signature (see `ValueFacts`) can be duplicates.
    const bySignature = new Map<string, DetectionRule[]>();
    for (const rule of rules) {
      if (rule.kind !== 'detection' || rule.detection.searches.length === 0) continue;
      const facts = valueFacts(rule);
      const key = `${logsourceKey(rule)}#${facts.signatureLow}:${facts.signatureHigh}`;
      const group = bySignature.get(key);
      if (group) group.push(rule);
      else bySignature.set(key, [rule]);
    }
    for (const group of bySignature.values()) {
      if (group.length < 2) continue;
      // Then the rough item keys; only rules that share them are canonicalised.
      const byRoughKey = new Map<string, DetectionRule[]>();
      for (const rule of group) {
        const key = [...new Set(items(rule).map(({ item }) => roughItemKey(item)))].sort().join('\u0001');
        const bucket = byRoughKey.get(key);
        if (bucket) bucket.push(rule);
        else byRoughKey.set(key, [rule]);
      }
      for (const bucket of byRoughKey.values()) {
        if (bucket.length < 2) continue;
        const seen = new Map<string, Rule>();
        for (const rule of bucket) {
          const key = canonicalRule(rule);
          const earlier = seen.get(key);
          if (earlier) report(rule, 'duplicate', rule.detection.span, { other: earlier.title?.value ?? earlier.id?.value ?? 'another rule', file: earlier.file.path });
          else seen.set(key, rule);
        }
      }
    }
  },
});
