import { uniqueAcrossRules } from '../util/uniqueness.js';

export default uniqueAcrossRules({
  id: 'lint/duplicate-title',
  what: 'title',
  severity: 'warning',
  presets: ['sigmahq'],
  docs: 'Titles are unique across the rule set (alerts are named after them).',
  key: (rule) => rule.title?.value.trim().toLowerCase(),
  locate: (rule) => ({ span: rule.title!.span, display: rule.title!.value }),
  equivalents: ['pysigma:duplicate_title'],
});
