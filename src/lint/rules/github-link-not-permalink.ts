import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/github-link-not-permalink',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A GitHub link to a file pins a commit (`/blob/<40 hex>/…`), so it keeps pointing at the same code.',
    messages: { branch: 'The GitHub link points at the branch `{branch}`; use a permalink with the commit hash.' },
    equivalents: ['sigmahq:sigmahq_github_link'],
  },
  check({ rule, report }) {
    for (const reference of rule.references) {
      const match = /^https?:\/\/github\.com\/[^/]+\/[^/]+\/(?:blob|tree)\/([^/]+)\//.exec(reference.value);
      if (match && !/^[0-9a-f]{40}$/.test(match[1])) report('branch', reference.span, { branch: match[1] });
    }
  },
});
