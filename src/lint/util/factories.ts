import type { Located, Rule, RuleKind } from '../../rule/model.js';
import { defineCheck, type LintCheck, type Preset } from '../types.js';
import { documentStart } from './model.js';

/** Builds the small "attribute X is missing" checks, which differ only in data. */
export function missingAttribute(options: {
  id: string;
  key: 'id' | 'author' | 'date' | 'description' | 'level' | 'status' | 'title';
  get: (rule: Rule) => Located<string> | undefined;
  presets: Preset[];
  equivalents: string[];
  kinds?: RuleKind[];
  why: string;
}): LintCheck {
  return defineCheck({
    meta: {
      id: options.id,
      severity: 'warning',
      presets: options.presets,
      docs: `Every rule has \`${options.key}\` (${options.why}).`,
      messages: { missing: `The rule has no \`${options.key}\`.` },
      equivalents: options.equivalents,
      kinds: options.kinds,
    },
    check({ rule, report }) {
      if (!options.get(rule)) report('missing', documentStart(rule));
    },
  });
}
