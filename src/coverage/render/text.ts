import pc from 'picocolors';
import type { CoverageMatrix, CoverageSource } from '../matrix.js';

/** The coverage matrix as a terminal table (`stylish`) and as Markdown. */

const MAX_RULES_SHOWN = 3;

export function totalLine(source: CoverageSource): string {
  if (source.eventTypes.length === 0) return `${source.id}: ${plural(source.rules.length, 'rule')} (the catalog lists fields only, no event types)`;
  const unit = source.discriminator === 'EventID' ? 'event IDs' : 'event types';
  return `${source.id}: ${source.covered} of ${source.eventTypes.length} ${unit} covered by ${plural(source.rules.length, 'rule')}`;
}

export function formatCoverageStylish(matrix: CoverageMatrix, color = false): string {
  const c = pc.createColors(color);
  const out: string[] = [];
  for (const source of matrix.sources.filter((s) => s.rules.length > 0)) {
    out.push(`${c.bold(source.id)} ${c.dim(source.title)}`);
    const width = Math.max(4, ...source.eventTypes.map((e) => e.id.length));
    for (const eventType of source.eventTypes.filter((e) => e.rules.length > 0)) {
      const titles = eventType.rules.map((i) => matrix.rules[i].title);
      const shown = titles.slice(0, MAX_RULES_SHOWN).join('; ') + (titles.length > MAX_RULES_SHOWN ? ` (+${titles.length - MAX_RULES_SHOWN} more)` : '');
      out.push(`  ${c.green(eventType.id.padEnd(width))}  ${String(eventType.rules.length).padStart(3)}  ${shown}`);
    }
    const uncovered = source.eventTypes.filter((e) => e.rules.length === 0).map((e) => e.id);
    if (uncovered.length > 0) out.push(`  ${c.yellow('not covered')} (${uncovered.length}): ${uncovered.slice(0, 12).join(', ')}${uncovered.length > 12 ? ', …' : ''}`);
    out.push(`  ${totalLine(source)}`, '');
  }
  out.push(c.bold('Totals'));
  for (const source of matrix.sources.filter((s) => s.rules.length > 0 || s.eventTypes.length > 0)) {
    if (source.rules.length === 0 && source.eventTypes.length > 0) out.push(`  ${c.dim(`${source.id}: 0 of ${source.eventTypes.length} covered (no rules)`)}`);
    else out.push(`  ${totalLine(source)}`);
  }
  out.push(`  ${plural(matrix.rules.length, 'rule')}, ${matrix.unboundRules.length} with a logsource no catalog describes`, '');
  return out.join('\n');
}

export function formatCoverageMarkdown(matrix: CoverageMatrix): string {
  const out: string[] = ['## Coverage', '', '| Source | Event types covered | Rules |', '|---|---:|---:|'];
  for (const source of matrix.sources.filter((s) => s.rules.length > 0 || s.eventTypes.length > 0)) {
    const covered = source.eventTypes.length ? `${source.covered} of ${source.eventTypes.length}` : '–';
    out.push(`| \`${source.id}\` | ${covered} | ${source.rules.length} |`);
  }
  out.push('', `${plural(matrix.rules.length, 'rule')}; ${matrix.unboundRules.length} with a logsource no catalog describes.`, '');
  for (const source of matrix.sources.filter((s) => s.rules.length > 0 && s.eventTypes.length > 0)) {
    out.push(`### \`${source.id}\` (${cell(source.title)})`, '', '| Event type | Name | Rules |', '|---|---|---|');
    for (const eventType of source.eventTypes) {
      const rules = eventType.rules.map((i) => cell(matrix.rules[i].title));
      out.push(`| \`${eventType.id}\` | ${cell(eventType.name)} | ${rules.length ? rules.join('<br>') : '—'} |`);
    }
    out.push('');
  }
  return out.join('\n');
}

export function formatCoverageJson(matrix: CoverageMatrix): string {
  return `${JSON.stringify(matrix, null, 2)}\n`;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}
