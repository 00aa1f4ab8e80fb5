import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/commands/coverage.js';
import { parseCli } from '../../src/cli/options.js';
import type { CoverageMatrix } from '../../src/coverage/matrix.js';

/**
 * `rulecheck coverage` over the project's own rule pack, every format written to a file; the HTML
 * page is rendered in headless Chromium (skipped with a message when no Chromium is installed).
 */

const ROOT = resolve(__dirname, '../..');
const out = mkdtempSync(join(tmpdir(), 'rulecheck-coverage-'));
const file = (name: string) => join(out, name);

function chromiumBinary(): string | undefined {
  for (const name of ['chromium', 'chromium-browser', 'google-chrome']) {
    const found = spawnSync('which', [name], { encoding: 'utf8' });
    if (found.status === 0) return found.stdout.trim();
  }
  return undefined;
}
const chromium = chromiumBinary();
if (!chromium) console.warn('skipping the heat map render check: no chromium on PATH (apt-get install -y chromium)');

describe('rulecheck coverage', () => {
  let matrix: CoverageMatrix;

  beforeAll(async () => {
    const previous = process.cwd();
    process.chdir(ROOT);
    const write = process.stdout.write;
    process.stdout.write = (() => true) as typeof process.stdout.write;
    try {
      const { values, positionals } = parseCli(['rules', ...['json', 'markdown', 'html', 'navigator', 'stylish'].flatMap((f) => ['--format', f, '--output', file(`coverage.${f}`)])]);
      const code = await run(positionals, values);
      expect(code).toBe(0);
    } finally {
      process.stdout.write = write;
      process.chdir(previous);
    }
    matrix = JSON.parse(readFileSync(file('coverage.json'), 'utf8'));
  }, 60_000);

  it('json: per source, each event type with the rules that select it', () => {
    const udr = matrix.sources.find((s) => s.id === 'udr')!;
    expect(udr.eventTypes.length).toBe(214);
    expect(udr.covered).toBe(udr.eventTypes.filter((e) => e.rules.length > 0).length);
    expect(udr.covered).toBeGreaterThan(0);
    for (const e of udr.eventTypes) for (const i of e.rules) expect(udr.rules).toContain(i);
    // Every source of the built-in catalogs is listed, covered or not.
    expect(matrix.sources.map((s) => s.id)).toEqual(expect.arrayContaining(['intune', 'emm/okta/okta_system_log', 'emm/snowflake/snowflake_login_history']));
  });

  it('stylish and markdown print the totals per source', () => {
    const udr = matrix.sources.find((s) => s.id === 'udr')!;
    const total = `udr: ${udr.covered} of 214 event IDs covered by ${udr.rules.length} rules`;
    expect(readFileSync(file('coverage.stylish'), 'utf8')).toContain(total);
    expect(readFileSync(file('coverage.markdown'), 'utf8')).toContain(`| \`udr\` | ${udr.covered} of 214 | ${udr.rules.length} |`);
  });

  it('navigator: an ATT&CK layer scored by the rules that tag each technique', () => {
    const layer = JSON.parse(readFileSync(file('coverage.navigator'), 'utf8'));
    expect(layer).toMatchObject({ domain: 'enterprise-attack', versions: { layer: '4.5' } });
    const tagged = new Map<string, number>();
    for (const rule of matrix.rules) for (const t of rule.techniques) tagged.set(t, (tagged.get(t) ?? 0) + 1);
    expect(layer.techniques.length).toBe(tagged.size);
    expect(tagged.size).toBeGreaterThan(0);
    for (const t of layer.techniques) {
      expect(t.techniqueID).toMatch(/^T\d{4}(\.\d{3})?$/);
      expect(t.score).toBe(tagged.get(t.techniqueID));
      expect(t.metadata).toHaveLength(t.score);
    }
  });

  it('html: self-contained, no scripts, nothing loaded from the network', () => {
    const html = readFileSync(file('coverage.html'), 'utf8');
    expect(html).not.toMatch(/<script|<link|\bsrc=|url\(|https?:\/\//i);
    const cells = html.match(/class="cell l\d" data-event=/g) ?? [];
    expect(cells.length).toBe(matrix.sources.filter((s) => s.rules.length > 0 || s.eventTypes.length > 0).reduce((n, s) => n + s.eventTypes.length, 0));
  });

  it.skipIf(!chromium)('html: renders in headless Chromium, one visible cell per event type', () => {
    // A copy with a probe script that writes what the browser laid out into the DOM for --dump-dom.
    const probe = `<script>addEventListener('load',()=>{const cells=[...document.querySelectorAll('.heatmap .cell')];const sized=cells.filter(c=>{const r=c.getBoundingClientRect();return r.width>=10&&r.height>=10});const colours=new Set(cells.map(c=>getComputedStyle(c).backgroundColor));const rows=document.querySelectorAll('.heatmap tr').length;const lines=Math.max(...[...document.querySelectorAll('.heatmap tr')].map(tr=>new Set([...tr.querySelectorAll('.cell')].map(c=>Math.round(c.getBoundingClientRect().top))).size));document.body.setAttribute('data-probe',JSON.stringify({cells:cells.length,sized:sized.length,colours:colours.size,rows,lines}))})</script>`;
    const page = file('probe.html');
    writeFileSync(page, readFileSync(file('coverage.html'), 'utf8').replace('</body>', `${probe}</body>`));
    const result = spawnSync(chromium!, ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=2000', '--dump-dom', `file://${page}`], { encoding: 'utf8', timeout: 60_000 });
    const probed = /data-probe="([^"]*)"/.exec(result.stdout);
    expect(probed, result.stderr).not.toBeNull();
    const stats = JSON.parse(probed![1].replace(/&quot;/g, '"'));
    const expectedCells = matrix.sources.filter((s) => s.rules.length > 0 || s.eventTypes.length > 0).reduce((n, s) => n + s.eventTypes.length, 0);
    expect(stats.cells).toBe(expectedCells);
    expect(stats.sized).toBe(expectedCells);
    expect(stats.colours).toBeGreaterThanOrEqual(2);
    // Cells flow in rows: the longest source (UDR, 214 event IDs) takes a few lines, not one per cell.
    expect(stats.lines).toBeLessThanOrEqual(10);
    expect(stats.rows).toBe(matrix.sources.filter((s) => s.rules.length > 0 || s.eventTypes.length > 0).length);
  }, 90_000);
});
