import { uniqueAcrossRules } from '../util/uniqueness.js';

export default uniqueAcrossRules({
  id: 'lint/duplicate-id',
  what: 'rule id',
  severity: 'error',
  presets: ['recommended'],
  docs: 'Rule ids are unique across the rule set (references, filters and exclusion lists depend on them).',
  key: (rule) => rule.id?.value.toLowerCase(),
  locate: (rule) => ({ span: rule.id!.span, display: rule.id!.value }),
  equivalents: ['pysigma:identifier_uniqueness', 'sigmahq-test:duplicate id grep (CI job)'],
});
