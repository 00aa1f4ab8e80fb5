import type { Diagnostic } from '../core/diagnostic.js';
import type { CoverageTotal, RunReport, TestResult } from '../core/results.js';
import type { ReportContext } from './context.js';
import { failedTests, plural, reportTotals } from './totals.js';

/**
 * One self-contained HTML page (no scripts, no external files): totals, findings per file with the
 * source line, test results, and coverage. Sections other stages render (the coverage heat map)
 * are passed in as `HtmlSection`s and placed after the coverage totals.
 */

export interface HtmlSection {
  /** Anchor id, unique on the page (`coverage-map`). */
  id: string;
  title: string;
  /** Trusted HTML: the section's producer escapes what it prints (`escapeHtml`). */
  html: string;
}

export function formatHtml(report: RunReport, context: ReportContext, extraSections: HtmlSection[] = []): string {
  const totals = reportTotals(report);
  const failed = failedTests(report);
  const clean = totals.errors === 0 && failed.length === 0;
  const sections: HtmlSection[] = [
    { id: 'findings', title: `Findings (${totals.errors + totals.warnings + totals.infos})`, html: findingsHtml(report, context) },
    { id: 'tests', title: `Tests (${report.tests.length})`, html: testsHtml(report.tests) },
  ];
  if (report.coverageTotals && report.coverageTotals.length > 0) {
    sections.push({ id: 'coverage', title: 'Coverage', html: coverageHtml(report.coverageTotals) });
  }
  sections.push(...extraSections);

  const status = clean
    ? `<p class="status ok">Passed${totals.warnings ? ` with ${plural(totals.warnings, 'warning')}` : ''}</p>`
    : `<p class="status bad">Failed: ${[totals.errors ? plural(totals.errors, 'error') : '', failed.length ? plural(failed.length, 'failing test') : ''].filter(Boolean).join(', ')}</p>`;

  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="rulecheck ${escapeHtml(context.version)}">
<title>rulecheck report</title>
<style>${STYLE}</style>
</head>
<body>
<header>
<h1>rulecheck report</h1>
${status}
<table class="totals">
<tr><th>Files</th><th>Rules</th><th>Errors</th><th>Warnings</th><th>Info</th><th>Tests passed</th><th>Tests failed</th><th>Tests errored</th></tr>
<tr><td>${totals.files}</td><td>${totals.rules}</td><td>${totals.errors}</td><td>${totals.warnings}</td><td>${totals.infos}</td><td>${totals.tests.pass}</td><td>${totals.tests.fail}</td><td>${totals.tests.error}</td></tr>
</table>
<nav>${sections.map((s) => `<a href="#${escapeHtml(s.id)}">${escapeHtml(s.title)}</a>`).join(' · ')}</nav>
</header>
<main>
${sections.map((s) => `<section id="${escapeHtml(s.id)}">\n<h2>${escapeHtml(s.title)}</h2>\n${s.html}\n</section>`).join('\n')}
</main>
</body>
</html>
`;
}

function findingsHtml(report: RunReport, context: ReportContext): string {
  const files = report.files.filter((file) => file.diagnostics.length > 0);
  if (files.length === 0) return '<p class="empty">No findings.</p>';
  return files
    .map((file) => {
      const text = context.readText(file.path);
      const lines = text?.split(/\r?\n/);
      const rows = file.diagnostics.map((d) => findingHtml(d, lines)).join('\n');
      return `<details open class="file"><summary><code>${escapeHtml(file.path)}</code> <span class="count">${plural(file.diagnostics.length, 'finding')}</span></summary>\n<ul class="findings">\n${rows}\n</ul></details>`;
    })
    .join('\n');
}

function findingHtml(d: Diagnostic, lines: string[] | undefined): string {
  const source = lines?.[d.span.line - 1];
  const excerpt =
    source === undefined
      ? ''
      : `<pre class="source"><span class="ln">${d.span.line}</span> ${underline(source, d.span.column, d.span.line === d.span.endLine ? d.span.endColumn : source.length + 1)}</pre>`;
  const hint = d.hint ? `<div class="hint">${prose(d.hint)}</div>` : '';
  return `<li class="${d.severity}"><span class="sev">${d.severity}</span> <code class="loc">${escapeHtml(d.file)}:${d.span.line}:${d.span.column}</code> <code class="id">${escapeHtml(d.id)}</code> ${prose(d.message)}${hint}${excerpt}</li>`;
}

/** The source line with the diagnostic's columns marked. */
function underline(line: string, column: number, endColumn: number): string {
  const start = Math.max(0, column - 1);
  const end = Math.max(start + 1, endColumn - 1);
  return `${escapeHtml(line.slice(0, start))}<mark>${escapeHtml(line.slice(start, end))}</mark>${escapeHtml(line.slice(end))}`;
}

function testsHtml(tests: TestResult[]): string {
  if (tests.length === 0) return '<p class="empty">No tests ran.</p>';
  const ordered = [...tests].sort((a, b) => rank(a) - rank(b));
  const rows = ordered.map((t) => {
    const where = `${t.declaredIn ?? t.file}${t.span ? `:${t.span.line}` : ''}`;
    const why = t.explanation ? `<details><summary>why</summary><pre>${escapeHtml(t.explanation)}</pre></details>` : '';
    return `<tr class="${t.status}"><td class="sev">${t.status}</td><td>${escapeHtml(t.rule)}</td><td>${escapeHtml(t.name)}${why}</td><td><code>${escapeHtml(where)}</code></td><td>${escapeHtml(String(t.expected))}</td><td>${escapeHtml(String(t.actual))}${t.message ? `<div class="hint">${prose(t.message)}</div>` : ''}</td></tr>`;
  });
  return `<table class="tests">\n<tr><th>Status</th><th>Rule</th><th>Test</th><th>Declared in</th><th>Expected</th><th>Actual</th></tr>\n${rows.join('\n')}\n</table>`;
}

function rank(test: TestResult): number {
  return test.status === 'fail' ? 0 : test.status === 'error' ? 1 : 2;
}

function coverageHtml(totals: CoverageTotal[]): string {
  const rows = totals.map((t) => {
    const percent = t.eventTypes > 0 ? Math.round((100 * t.covered) / t.eventTypes) : 0;
    return `<tr><td><code>${escapeHtml(t.source)}</code></td><td>${t.covered} / ${t.eventTypes}</td><td><div class="bar"><div style="width:${percent}%"></div></div> ${percent}%</td><td>${t.rules}</td></tr>`;
  });
  return `<table class="coverage">\n<tr><th>Source</th><th>Event types covered</th><th></th><th>Rules</th></tr>\n${rows.join('\n')}\n</table>`;
}

/** A message: escaped, with its `backticked` code shown as code. */
function prose(text: string): string {
  return escapeHtml(text).replace(/`([^`]+)`/g, '<code>$1</code>');
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const STYLE = `
:root { color-scheme: light dark; --err: #d1242f; --warn: #9a6700; --info: #0969da; --ok: #1a7f37; --line: #8884; }
body { font: 14px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 72rem; padding: 1rem 2rem; }
h1 { margin-bottom: .25rem; } h2 { border-bottom: 1px solid var(--line); padding-bottom: .25rem; }
table { border-collapse: collapse; margin: .5rem 0; } th, td { border: 1px solid var(--line); padding: .25rem .6rem; text-align: left; vertical-align: top; }
.totals td { text-align: right; font-variant-numeric: tabular-nums; }
.status { font-weight: 600; } .status.ok { color: var(--ok); } .status.bad { color: var(--err); }
nav { margin: .5rem 0 1rem; }
details.file { margin: .5rem 0; } .count { color: #888; font-size: 90%; }
ul.findings { list-style: none; padding-left: 1rem; } ul.findings li { margin: .4rem 0; }
.sev { font-weight: 600; text-transform: uppercase; font-size: 80%; }
.error .sev, tr.fail .sev, tr.error .sev { color: var(--err); } .warning .sev { color: var(--warn); } .info .sev { color: var(--info); } tr.pass .sev { color: var(--ok); }
.hint { color: #888; font-style: italic; }
pre { background: #8881; padding: .3rem .6rem; overflow-x: auto; margin: .25rem 0; } pre.source .ln { color: #888; user-select: none; }
mark { background: #f0b40066; color: inherit; text-decoration: underline wavy var(--err); }
.bar { display: inline-block; width: 8rem; height: .6rem; background: #8883; vertical-align: middle; } .bar div { height: 100%; background: var(--ok); }
.empty { color: #888; }
code { background: #8882; padding: 0 .2em; border-radius: 3px; } code.loc, code.id, summary code { background: none; padding: 0; color: #888; }
`;
