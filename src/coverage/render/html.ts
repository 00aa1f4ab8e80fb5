import type { CoverageMatrix, CoverageSource } from '../matrix.js';
import { escapeHtml } from '../../report/html.js';
import { totalLine } from './text.js';

/**
 * The coverage heat map: one row per catalog source, one cell per event type, the colour saying how
 * many rules select it. Plain HTML and CSS (no scripts, no external files): a cell's `title` names
 * the event type and its rules. Used as a section of the html report and as the page of
 * `rulecheck coverage --format html`.
 */

export const HEATMAP_STYLE = `
.heatmap{border-collapse:collapse;margin:1em 0}
.heatmap th{text-align:left;font-weight:normal;padding:2px 8px 2px 0;white-space:nowrap;vertical-align:top}
.heatmap td.cells{padding:2px 0;vertical-align:top}
.heatmap div.cells{display:flex;flex-wrap:wrap;gap:2px;width:36em}
.heatmap .cell{display:inline-block;width:12px;height:12px;border-radius:2px;background:#e5e7eb}
.heatmap .l1{background:#bbf7d0}.heatmap .l2{background:#4ade80}.heatmap .l3{background:#16a34a}.heatmap .l4{background:#14532d}
.heatmap td.total{white-space:nowrap;padding-left:8px;color:#374151;vertical-align:top}
.legend .cell{display:inline-block;width:12px;height:12px;border-radius:2px;vertical-align:middle;margin:0 4px 0 12px}
.legend .l0{background:#e5e7eb}.legend .l1{background:#bbf7d0}.legend .l2{background:#4ade80}.legend .l3{background:#16a34a}.legend .l4{background:#14532d}
table.events{border-collapse:collapse;font-size:90%}
table.events td,table.events th{border-bottom:1px solid #e5e7eb;padding:2px 8px;text-align:left;vertical-align:top}
`;

function level(count: number): number {
  if (count === 0) return 0;
  if (count === 1) return 1;
  if (count <= 3) return 2;
  if (count <= 9) return 3;
  return 4;
}

function row(matrix: CoverageMatrix, source: CoverageSource): string {
  const cells = source.eventTypes.map((e) => {
    const titles = e.rules.map((i) => matrix.rules[i].title);
    const tip = `${e.id} ${e.name === e.id ? '' : `(${e.name}) `}: ${titles.length ? `${titles.length} rule${titles.length === 1 ? '' : 's'}: ${titles.slice(0, 10).join('; ')}${titles.length > 10 ? '; …' : ''}` : 'no rule'}`;
    return `<span class="cell l${level(e.rules.length)}" data-event="${escapeHtml(e.id)}" title="${escapeHtml(tip)}"></span>`;
  });
  const body = cells.length ? cells.join('') : '<span>fields only, no event types</span>';
  return `<tr data-source="${escapeHtml(source.id)}"><th scope="row"><a href="#src-${escapeHtml(source.id)}">${escapeHtml(source.id)}</a></th><td class="cells"><div class="cells">${body}</div></td><td class="total">${escapeHtml(shortTotal(source))}</td></tr>`;
}

function shortTotal(source: CoverageSource): string {
  const rules = `${source.rules.length} rule${source.rules.length === 1 ? '' : 's'}`;
  return source.eventTypes.length ? `${source.covered} of ${source.eventTypes.length} covered, ${rules}` : rules;
}

/** The heat map and the per-source event tables, as an HTML fragment. */
export function heatMapHtml(matrix: CoverageMatrix): string {
  const shown = matrix.sources.filter((s) => s.rules.length > 0 || s.eventTypes.length > 0);
  const legend = `<p class="legend">Rules per event type:<span class="cell l0"></span>0<span class="cell l1"></span>1<span class="cell l2"></span>2–3<span class="cell l3"></span>4–9<span class="cell l4"></span>10 or more</p>`;
  const table = `<table class="heatmap">\n${shown.map((s) => row(matrix, s)).join('\n')}\n</table>`;
  const details = shown
    .filter((s) => s.rules.length > 0 && s.eventTypes.length > 0)
    .map((s) => {
      const rows = s.eventTypes
        .map((e) => `<tr><td><code>${escapeHtml(e.id)}</code></td><td>${escapeHtml(e.name)}</td><td>${e.rules.map((i) => escapeHtml(matrix.rules[i].title)).join('<br>') || '—'}</td></tr>`)
        .join('\n');
      return `<details id="src-${escapeHtml(s.id)}"><summary>${escapeHtml(totalLine(s))}</summary>\n<table class="events"><tr><th>Event type</th><th>Name</th><th>Rules</th></tr>\n${rows}\n</table></details>`;
    })
    .join('\n');
  return `${legend}\n${table}\n${details}`;
}

export function formatCoverageHtml(matrix: CoverageMatrix, version: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rulecheck ${escapeHtml(version)}">
<title>rulecheck coverage</title>
<style>body{font-family:system-ui,sans-serif;margin:2em;color:#111827}${HEATMAP_STYLE}</style>
</head>
<body>
<h1>Coverage of catalog event types</h1>
<p>${matrix.rules.length} rules; ${matrix.unboundRules.length} with a logsource no catalog describes.</p>
<main id="coverage-map">
${heatMapHtml(matrix)}
</main>
</body>
</html>
`;
}

/** The heat map as a section of the html report (its style travels with it). */
export function heatMapSection(matrix: CoverageMatrix): { id: string; title: string; html: string } {
  return { id: 'coverage-map', title: 'Coverage heat map', html: `<style>${HEATMAP_STYLE}</style>\n${heatMapHtml(matrix)}` };
}

export function isCoverageMatrix(value: unknown): value is CoverageMatrix {
  return typeof value === 'object' && value !== null && (value as CoverageMatrix).version === 1 && Array.isArray((value as CoverageMatrix).sources);
}
