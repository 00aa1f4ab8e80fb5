import { defineCheck } from '../types.js';
import { items, valueFacts, FACT_MAYBE_YAML11_SPECIAL } from '../util/model.js';

function ambiguity(source: string): string | undefined {
  if (/^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF)$/.test(source)) return 'a boolean in YAML 1.1 (pySigma) but a string in YAML 1.2';
  if (/^[-+]?0[0-7]+$/.test(source)) return 'an octal number in YAML 1.1 (pySigma reads `010` as 8)';
  if (/^[-+]?0x[0-9a-fA-F]+$/.test(source)) return 'a hexadecimal number in YAML 1.1, so its decimal value is matched, not the text';
  if (/^[-+]?0b[01]+$/.test(source)) return 'a binary number in YAML 1.1';
  if (/^[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+(\.[0-9_]*)?$/.test(source)) return 'a base-60 number in YAML 1.1 (`12:30` is 750)';
  if (/^[-+]?\d[\d_]*\d_[\d_]*$/.test(source)) return 'a number with `_` separators in YAML 1.1';
  if (/^[-+]?(\d+\.?\d*|\.\d+)[eE][-+]?\d+$/.test(source) && !/\./.test(source)) return 'a string in YAML 1.1 but a number in YAML 1.2';
  if (/^\d{4}-\d{1,2}-\d{1,2}([Tt ].*)?$/.test(source)) return 'a date in YAML 1.1';
  return undefined;
}

export default defineCheck({
  meta: {
    id: 'lint/yaml11-ambiguous-scalar',
    severity: 'warning',
    presets: ['recommended'],
    docs: 'Unquoted detection values that YAML 1.1 (pySigma) and YAML 1.2 read differently (`yes`, `010`, `0x17`, `12:30`, `1e3`) are quoted.',
    messages: { ambiguous: '`{source}` unquoted is {what}; quote it if the text is meant.' },
    kinds: ['detection', 'filter'],
  },
  check({ rule, report }) {
    if ((valueFacts(rule).flags & FACT_MAYBE_YAML11_SPECIAL) === 0) return;
    for (const { item } of items(rule))
      for (const value of item.values) {
        if (value.node.style !== 'plain') continue;
        const what = ambiguity(value.node.source);
        if (what) report('ambiguous', value.span, { source: value.node.source, what });
      }
  },
});
