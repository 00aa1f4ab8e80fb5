import { uniqueAcrossRules } from '../util/uniqueness.js';

export default uniqueAcrossRules({
  id: 'lint/duplicate-name',
  what: 'rule name',
  severity: 'error',
  presets: ['recommended'],
  docs: 'Rule `name`s are unique: correlations and filters refer to rules by name, and pySigma silently lets the later rule win.',
  key: (rule) => rule.name?.value,
  locate: (rule) => ({ span: rule.name!.span, display: rule.name!.value }),
});
