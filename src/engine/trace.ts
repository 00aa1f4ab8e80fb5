import type { LogsourceMode } from './logsource.js';

/**
 * Why a rule did or did not match one event: the data behind `rulecheck explain` and failed-test
 * messages. Built by `CompiledRule.explain`; printed by `formatTrace`.
 */

export interface ValueTrace {
  /** The rule value after its modifiers (`*\\cmd.exe`, `/^a/i`, `>= 5`). */
  label: string;
  matched: boolean;
}

export interface ItemTrace {
  /** Field name, or null for keywords. */
  field: string | null;
  /** The key as written (`CommandLine|contains|all`). */
  key: string;
  modifiers: string[];
  linking: 'or' | 'and';
  negated: boolean;
  /** The event field actually read, when the logsource maps the rule's name to another one. */
  eventField?: string;
  /** Whether the event has the field. */
  present: boolean;
  /** The event's value (for keywords: the number of string values searched). */
  eventValue: unknown;
  values: ValueTrace[];
  matched: boolean;
  line: number;
  column: number;
}

export interface AlternativeTrace {
  matched: boolean;
  items: ItemTrace[];
}

export interface SearchTrace {
  name: string;
  matched: boolean;
  alternatives: AlternativeTrace[];
}

export interface ConditionTrace {
  text: string;
  matched: boolean;
}

export interface LogsourceCheckTrace {
  field: string;
  expected: (string | number)[];
  actual: unknown;
  outcome: 'passed' | 'failed' | 'skipped';
}

export interface LogsourceTrace {
  mode: LogsourceMode;
  selector: { product?: string; category?: string; service?: string };
  /** False when the configuration has no conditions for this logsource (nothing to check). */
  known: boolean;
  variants: { label: string; applies: boolean; checks: LogsourceCheckTrace[]; fieldMappings: Record<string, string> }[];
  /** The variant whose field names were used for the detection, when several exist. */
  used?: string;
  passed: boolean;
}

export interface MatchTrace {
  rule: { title?: string; id?: string; file: string; line: number };
  matched: boolean;
  logsource: LogsourceTrace;
  searches: SearchTrace[];
  conditions: ConditionTrace[];
}

function show(value: unknown, max = 120): string {
  let text: string;
  if (value === undefined) return '(absent)';
  if (typeof value === 'string') text = JSON.stringify(value);
  else {
    try {
      text = JSON.stringify(value) ?? String(value);
    } catch {
      text = String(value);
    }
  }
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

const mark = (ok: boolean) => (ok ? '✓' : '✗');

export interface FormatTraceOptions {
  /** Only searches and items that decided the outcome (default: everything). */
  brief?: boolean;
}

/** In text, an item lists at most this many of its values (the structured trace keeps them all). */
export const LISTED_VALUES = 10;

/**
 * The values a text trace lists for an item: all of them when few; otherwise those that decided the outcome
 * first (the ones that matched, or for `all` the ones that did not), in rule order, then the others, up to
 * `LISTED_VALUES`. Indicator lists of hundreds of values would otherwise bury the one that matched.
 */
function listedValues(item: ItemTrace): { listed: ValueTrace[]; rest: number; restMatched: number } {
  if (item.values.length <= LISTED_VALUES) return { listed: item.values, rest: 0, restMatched: 0 };
  const decides = (v: ValueTrace) => (item.linking === 'and' ? !v.matched : v.matched);
  const ordered = [...item.values.filter(decides), ...item.values.filter((v) => !decides(v))];
  const listed = ordered.slice(0, LISTED_VALUES);
  const restMatched = ordered.slice(LISTED_VALUES).filter((v) => v.matched).length;
  return { listed, rest: ordered.length - LISTED_VALUES, restMatched };
}

function moreValues(count: number, matched: number): string {
  const values = `${count.toLocaleString('en-US')} more value${count === 1 ? '' : 's'}`;
  if (matched === 0) return `${values} that do${count === 1 ? 'es' : ''} not match`;
  if (matched === count) return `${values} that match${count === 1 ? 'es' : ''}`;
  return `${values}, ${matched.toLocaleString('en-US')} of which match${matched === 1 ? 'es' : ''}`;
}

/** Plain-text rendering of a trace, one line per check, indented by level. */
export function formatTrace(trace: MatchTrace, options: FormatTraceOptions = {}): string {
  const lines: string[] = [];
  const name = trace.rule.title ?? trace.rule.id ?? trace.rule.file;
  lines.push(`${mark(trace.matched)} ${name} ${trace.matched ? 'matches' : 'does not match'}`);

  const ls = trace.logsource;
  const selector = Object.entries(ls.selector)
    .map(([k, v]) => `${k}: ${v}`)
    .join(', ');
  if (ls.mode === 'off') lines.push(`  logsource (${selector}): not checked (--logsource off)`);
  else if (!ls.known) lines.push(`  logsource (${selector}): no conditions known`);
  else {
    lines.push(`  ${mark(ls.passed)} logsource (${selector}), mode ${ls.mode}`);
    for (const v of ls.variants) {
      const checks = v.checks
        .map((c) => `${c.field} ${c.outcome === 'skipped' ? 'absent, not checked' : `${show(c.actual)} ${c.outcome === 'passed' ? '∈' : '∉'} [${c.expected.join(', ')}]`}`)
        .join('; ');
      const mapped = Object.entries(v.fieldMappings).map(([from, to]) => `${from} → ${to}`);
      lines.push(`    ${mark(v.applies)} ${v.label}: ${checks}${mapped.length ? ` (fields: ${mapped.join(', ')})` : ''}${ls.used === v.label ? ' ← used' : ''}`);
    }
  }

  for (const c of trace.conditions) lines.push(`  ${mark(c.matched)} condition: ${c.text}`);

  for (const search of trace.searches) {
    lines.push(`  ${mark(search.matched)} ${search.name}`);
    const several = search.alternatives.length > 1;
    search.alternatives.forEach((alt, i) => {
      if (options.brief && search.matched && !alt.matched) return;
      const indent = several ? '      ' : '    ';
      if (several) lines.push(`    ${mark(alt.matched)} alternative ${i + 1}`);
      for (const item of alt.items) {
        if (options.brief && item.matched && !search.matched) continue;
        const field = item.field === null ? 'keywords' : item.key;
        const eventSide =
          item.field === null
            ? `${String(item.eventValue)} string values`
            : `${item.eventField && item.eventField !== item.field ? `${item.eventField} = ` : ''}${show(item.eventValue)}`;
        const how = item.negated ? 'none of' : item.linking === 'and' ? 'all of' : item.values.length > 1 ? 'any of' : '';
        lines.push(`${indent}${mark(item.matched)} ${field} (line ${item.line}): event ${eventSide}; rule ${how ? how + ' ' : ''}${item.values.length.toLocaleString('en-US')} value${item.values.length === 1 ? '' : 's'}`);
        const { listed, rest, restMatched } = listedValues(item);
        for (const v of listed) lines.push(`${indent}    ${mark(v.matched)} ${v.label}`);
        if (rest > 0) lines.push(`${indent}    … and ${moreValues(rest, restMatched)}`);
      }
    });
  }
  return lines.join('\n');
}

/** One sentence naming the first items that decided a non-match (for failed-test messages). */
export function summarizeTrace(trace: MatchTrace): string {
  if (trace.matched) return `${trace.rule.title ?? 'the rule'} matches`;
  if (!trace.logsource.passed) {
    const failed = trace.logsource.variants.flatMap((v) => v.checks.filter((c) => c.outcome === 'failed'));
    const first = failed[0];
    return first
      ? `the event is not from the rule's log source: ${first.field} is ${show(first.actual)}, expected one of [${first.expected.join(', ')}]`
      : `the event is not from the rule's log source`;
  }
  const misses: string[] = [];
  for (const search of trace.searches) {
    if (search.matched) continue;
    const alt = search.alternatives[0];
    const item = alt?.items.find((i) => !i.matched);
    if (item) misses.push(`${search.name}: ${item.field ?? 'keywords'} ${item.present ? `is ${show(item.eventValue, 60)}` : 'is absent'}, rule wants ${item.negated ? 'none of ' : ''}${item.values.map((v) => v.label).slice(0, 3).join(', ')}`);
  }
  return misses.length > 0 ? misses.join('; ') : 'the condition is false';
}
