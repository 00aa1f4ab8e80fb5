import { CHECKS } from '../lint/registry.js';
import type { DiagnosticDoc } from './context.js';

/**
 * Documentation of diagnostic ids for the formats that print it (SARIF `tool.driver.rules`): the
 * lint checks describe themselves in their `meta`; other stages' ids get a generic text.
 */

let lintDocs: Map<string, DiagnosticDoc> | undefined;

export function describeDiagnostic(id: string): DiagnosticDoc | undefined {
  lintDocs ??= new Map(
    CHECKS.map((check) => {
      const { meta } = check;
      const same = meta.equivalents?.length ? ` Same as ${meta.equivalents.map((e) => `\`${e}\``).join(', ')}.` : '';
      const fix = meta.fixable ? ' Findings carry a machine-applicable fix (SARIF `fixes`).' : '';
      return [meta.id, { short: meta.docs, help: `${meta.docs}${same}${fix} Configure it under \`lint.checks\` in the rulecheck config.` }];
    }),
  );
  return lintDocs.get(id);
}
