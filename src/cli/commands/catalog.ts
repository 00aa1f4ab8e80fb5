import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { closestName } from '../../core/closest-name.js';
import { resolveSettings } from '../../config/settings.js';
import type { Diagnostic } from '../../core/diagnostic.js';
import { compareDiagnostics } from '../../core/diagnostic.js';
import { loadCatalogSet } from '../../catalog/load.js';
import type { CatalogSet } from '../../catalog/model.js';
import {
  findEventType,
  renderEventJson,
  renderEventStylish,
  renderListJson,
  renderListStylish,
  renderSourceJson,
  renderSourceStylish,
} from '../../catalog/render.js';
import type { CliValues } from '../options.js';
import { validateTargets } from '../outputs.js';
import { UsageError } from '../usage-error.js';

const FORMATS = ['stylish', 'json'] as const;

/**
 * `rulecheck catalog list` and `rulecheck catalog show SOURCE [EVENT]`: what the loaded catalogs
 * (built-in, `--emm DIR`, `--catalog FILE`) know. Exit 1 when a catalog has error-level problems.
 */
export async function run(positionals: string[], values: CliValues): Promise<number> {
  const [action = 'list', ...rest] = positionals;
  if (action !== 'list' && action !== 'show') throw new UsageError(`unknown catalog action \`${action}\` (use \`catalog list\` or \`catalog show SOURCE [EVENT]\`)`);
  if (action === 'list' && rest.length > 0) throw new UsageError('`catalog list` takes no arguments');
  if (action === 'show' && (rest.length < 1 || rest.length > 2)) throw new UsageError('`catalog show` takes a source id and optionally an event (`catalog show udr 204`)');

  // Only the catalog options matter here; positionals are not rule paths.
  const settings = resolveSettings([], values);
  const targets = validateTargets(values.outputs, FORMATS, 'stylish');
  const set = loadCatalogSet({ catalogs: settings.catalogs, emm: settings.emm, cwd: settings.cwd });

  const render = renderer(set, action, rest);
  for (const target of targets) {
    const toTerminal = target.file === undefined && process.stdout.isTTY === true;
    const text = render(target.format as (typeof FORMATS)[number], toTerminal);
    if (target.file === undefined) process.stdout.write(text);
    else {
      const path = resolve(settings.cwd, target.file);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, text);
    }
  }
  printDiagnostics(set.diagnostics);
  return set.diagnostics.some((d) => d.severity === 'error') ? 1 : 0;
}

function renderer(set: CatalogSet, action: string, rest: string[]): (format: (typeof FORMATS)[number], color: boolean) => string {
  if (action === 'list') return (format, color) => (format === 'json' ? renderListJson(set) : renderListStylish(set, color));
  const [sourceId, eventQuery] = rest;
  const source = set.sourceById(sourceId) ?? set.sources.find((s) => s.id.toLowerCase() === sourceId.toLowerCase());
  if (!source) {
    const suggestion = closestName(sourceId, set.sources.map((s) => s.id));
    throw new UsageError(`no catalog source \`${sourceId}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''} (\`rulecheck catalog list\` shows them all)`);
  }
  if (eventQuery === undefined) return (format, color) => (format === 'json' ? renderSourceJson(set, source) : renderSourceStylish(set, source, color));
  const eventType = findEventType(set, source, eventQuery);
  if (!eventType) {
    const ids = source.eventTypes.map((e) => e.id);
    const suggestion = closestName(eventQuery, ids);
    throw new UsageError(`source \`${source.id}\` has no event \`${eventQuery}\`${suggestion ? `; did you mean \`${suggestion}\`?` : ''}`);
  }
  return (format, color) => (format === 'json' ? renderEventJson(set, source, eventType) : renderEventStylish(set, source, eventType, color));
}

/** Catalog problems go to stderr so the listing on stdout stays clean. */
function printDiagnostics(diagnostics: Diagnostic[]): void {
  for (const d of [...diagnostics].sort(compareDiagnostics)) {
    process.stderr.write(`${d.file}:${d.span.line}:${d.span.column}  ${d.severity}  ${d.message}  ${d.id}\n${d.hint ? `  hint: ${d.hint}\n` : ''}`);
  }
}
