import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import pc from 'picocolors';
import { resolveSettings } from '../../config/settings.js';
import { runnerOptions } from '../../fixtures/options.js';
import { explainEvents, type ExplainedEvent } from '../../fixtures/explain.js';
import { findEventFiles } from '../../fixtures/event-file.js';
import { loadRuleFile } from '../../rule/load.js';
import type { CliValues } from '../options.js';
import { validateTargets } from '../outputs.js';
import { UsageError } from '../usage-error.js';
import { writeReports } from '../write-reports.js';

/**
 * `rulecheck explain RULE EVENTS...`: for each event, why each detection rule of RULE does or does
 * not match it, item by item (the same trace a failed test prints).
 */
export async function run(positionals: string[], values: CliValues): Promise<number> {
  if (positionals.length < 2) throw new UsageError('explain needs a rule file and at least one event file: `rulecheck explain RULE EVENTS...`');
  const settings = resolveSettings([], values);
  const targets = validateTargets(values.outputs, ['stylish', 'json'], 'stylish');
  const [rulePath, ...eventPaths] = positionals.map((p) => resolve(settings.cwd, p));
  for (const path of [rulePath, ...eventPaths]) {
    if (!existsSync(path)) throw new UsageError(`path \`${positionals[[rulePath, ...eventPaths].indexOf(path)]}\` does not exist.`);
  }
  const loaded = loadRuleFile(rulePath, settings.cwd);
  // A folder stands for every event file under it.
  const eventFiles: string[] = [];
  for (const path of eventPaths) {
    if (!statSync(path).isDirectory()) eventFiles.push(path);
    else eventFiles.push(...findEventFiles(path));
  }
  const options = runnerOptions(settings, values);
  const result = explainEvents(loaded, eventFiles, {
    cwd: settings.cwd,
    ...(options.logsource ? { logsource: options.logsource } : {}),
    ...(options.logsources ? { logsources: options.logsources } : {}),
    ...(options.vars ? { vars: options.vars } : {}),
    ...(options.shapeFor ? { shapeFor: options.shapeFor } : {}),
  });

  writeReports(targets, { files: [], tests: [], ruleCount: loaded.rules.length }, settings.cwd, (format, _report, { toTerminal }) =>
    format === 'json' ? `${JSON.stringify(result, null, 2)}\n` : stylish(result.events, result.problems, toTerminal),
  );
  return result.problems.some((p) => p.severity === 'error') ? 1 : 0;
}

function stylish(events: ExplainedEvent[], problems: { file: string; line: number; column: number; severity: string; message: string; id: string }[], color: boolean): string {
  const c = pc.createColors(color);
  const lines: string[] = [];
  for (const p of problems) lines.push(`${p.file}:${p.line}:${p.column}  ${p.severity === 'error' ? c.red(p.severity) : c.yellow(p.severity)}  ${p.message}  ${c.dim(p.id)}`);
  if (problems.length > 0) lines.push('');
  for (const event of events) {
    lines.push(c.bold(event.event) + ` ${c.dim('·')} ${event.rule}: ${event.matched ? c.green('matches') : c.red('does not match')}`);
    lines.push(`  ${event.reason}`);
    lines.push(...event.trace.split('\n').map((l) => `  ${l}`), '');
  }
  const matched = events.filter((e) => e.matched).length;
  lines.push(`${matched} of ${events.length} rule × event pairs match`);
  return `${lines.join('\n')}\n`;
}
