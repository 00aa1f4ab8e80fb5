import { defineCheck } from '../types.js';

export default defineCheck({
  meta: {
    id: 'lint/github-link-not-permalink',
    severity: 'warning',
    presets: ['sigmahq'],
    docs: 'A GitHub link to a file (a path ending in an extension) pins a commit (`/blob/<40 hex>/…`), so it keeps pointing at the same code.',
    messages: { branch: 'The GitHub link points at the branch `{branch}`; use a permalink with the commit hash.' },
    equivalents: ['sigmahq:sigmahq_github_link'],
  },
  check({ rule, report }) {
    for (const reference of rule.references) {
      const link = reference.value;
      if (!/^https:\/\/github\.com\/.*\.\w{1,3}$/.test(link) || /\/[0-9a-z]{40}\//.test(link)) continue;
      const branch = /^https:\/\/github\.com\/[^/]+\/[^/]+\/(?:blob|tree|raw)\/([^/]+)\//.exec(link)?.[1] ?? 'a branch';
      report('branch', reference.span, { branch });
    }
  },
});
