import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/tag-format',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Tags are `namespace.name` in lowercase letters, digits, `_`, `-` and `.`.',
    messages: { format: 'The tag `{tag}` is not `namespace.name` in lowercase letters, digits, `_`, `-` and `.`.' },
    equivalents: ['pysigma:tag_format'],
  },
  check({ rule, report }) {
    for (const tag of rule.tags)
      if (!/^[a-z0-9_-]+\.[a-z0-9._-]+$/.test(tag.value)) report('format', tag.span, { tag: tag.value });
  },
});
