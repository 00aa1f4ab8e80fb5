import pc from 'picocolors';
import type { CatalogEventType, CatalogField, CatalogSet, CatalogSource, LogsourceSelector } from './model.js';

/**
 * What `rulecheck catalog list|show` prints: a table of sources, one source, or one event type,
 * as text for people (stylish) or as JSON for scripts.
 */

export interface SourceSummary {
  id: string;
  catalog: string;
  title: string;
  logsources: LogsourceSelector[];
  completeness: CatalogSource['completeness'];
  eventTypes: number;
  fields: number;
  examples: number;
}

export function summariseSources(set: CatalogSet): SourceSummary[] {
  return set.sources.map((source) => ({
    id: source.id,
    catalog: set.catalogs.find((c) => c.catalog.sources.includes(source))?.catalog.id ?? '',
    title: source.title,
    logsources: source.logsources,
    completeness: source.completeness,
    eventTypes: source.eventTypes.length,
    fields: set.fieldsOf(source).length,
    examples: source.eventTypes.reduce((n, e) => n + e.examples.length, 0),
  }));
}

export function formatLogsource(selector: LogsourceSelector): string {
  return (['product', 'category', 'service'] as const)
    .filter((key) => selector[key] !== undefined)
    .map((key) => `${key}: ${selector[key]}`)
    .join(', ');
}

type Paint = (text: string) => string;
interface Style {
  bold: Paint;
  dim: Paint;
  green: Paint;
  red: Paint;
}

function style(color: boolean): Style {
  const identity: Paint = (t) => t;
  return color ? { bold: pc.bold, dim: pc.dim, green: pc.green, red: pc.red } : { bold: identity, dim: identity, green: identity, red: identity };
}

function table(rows: string[][], header: string[], s: Style): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]))).join('  ').trimEnd();
  return [s.bold(line(header)), ...rows.map(line)].join('\n') + '\n';
}

export function renderListStylish(set: CatalogSet, color = false): string {
  const s = style(color);
  const summaries = summariseSources(set);
  const rows = summaries.map((x) => [
    x.id,
    String(x.eventTypes),
    String(x.fields),
    String(x.examples),
    x.completeness,
    x.logsources.map((l) => `${formatLogsource(l)}${l.kind === 'alias' ? ' (alias)' : ''}`).join('; '),
  ]);
  const totals = summaries.reduce((t, x) => ({ events: t.events + x.eventTypes, examples: t.examples + x.examples }), { events: 0, examples: 0 });
  return (
    table(rows, ['SOURCE', 'EVENTS', 'FIELDS', 'EXAMPLES', 'LISTS', 'LOGSOURCE'], s) +
    `\n${summaries.length} sources, ${totals.events} event types, ${totals.examples} examples. ` +
    'Run `rulecheck catalog show SOURCE [EVENT]` for details.\n'
  );
}

export function renderListJson(set: CatalogSet): string {
  return `${JSON.stringify({ version: 1, sources: summariseSources(set), diagnostics: set.diagnostics }, null, 2)}\n`;
}

function fieldRows(fields: CatalogField[]): string[][] {
  return fields.map((f) => [
    f.name,
    f.nativeType ? `${f.type} (${f.nativeType})` : f.type,
    f.origin,
    f.knownValues?.length
      ? `${f.knownValuesComplete ? 'one of' : 'e.g.'} ${f.knownValues.map((v) => `${String(v.value)}${v.aliases?.length ? ` (also ${v.aliases.join(', ')})` : ''}`).join(', ')}`
      : (f.description ?? ''),
  ]);
}

export function renderSourceStylish(set: CatalogSet, source: CatalogSource, color = false): string {
  const s = style(color);
  const out: string[] = [];
  out.push(`${s.bold(source.id)}  ${source.title}`);
  if (source.description) out.push(source.description);
  out.push('');
  for (const l of source.logsources) out.push(`logsource  ${formatLogsource(l)}${l.kind === 'alias' ? s.dim(`  (alias${l.note ? `: ${l.note}` : ''})`) : ''}`);
  if (source.discriminator) {
    const d = source.discriminator;
    out.push(`event key  ${d.field}${d.alternativeFields?.length ? ` (or ${d.alternativeFields.join(', ')})` : ''}, ${d.type}, codes ${d.completeness === 'complete' ? 'complete' : 'known from examples only'}`);
  }
  for (const c of source.constants) out.push(`constant   ${c.name} = ${String(c.value)}`);
  out.push(`fields     ${source.completeness}${source.completenessNote ? s.dim(`: ${source.completenessNote}`) : ''}`);
  for (const note of source.notes ?? []) out.push(s.dim(`note       ${note}`));
  if (source.commonFields.length) {
    out.push('', s.bold('Fields of every event'));
    out.push(table(fieldRows(source.commonFields), ['FIELD', 'TYPE', 'FROM', 'VALUES / DESCRIPTION'], s).trimEnd());
  }
  if (source.eventTypes.length) {
    out.push('', s.bold('Event types'));
    const rows = source.eventTypes.map((e) => [
      e.id,
      e.emmId ?? (e.codes.length ? e.codes.slice(0, 3).map(String).join(', ') + (e.codes.length > 3 ? ', …' : '') : ''),
      String(e.fields.length),
      String(e.examples.length),
      e.name,
    ]);
    out.push(table(rows, ['EVENT', source.discriminator ? 'CODES' : 'ID', 'FIELDS', 'EXAMPLES', 'NAME'], s).trimEnd());
  }
  out.push('');
  return out.join('\n') + '\n';
}

export function renderEventStylish(set: CatalogSet, source: CatalogSource, eventType: CatalogEventType, color = false): string {
  const s = style(color);
  const out: string[] = [];
  out.push(`${s.bold(`${source.id} ${eventType.id}`)}  ${eventType.name}`);
  if (eventType.emmId) out.push(`EMM event type ${eventType.emmId}${eventType.categories?.length ? `, category ${eventType.categories.join(', ')}` : ''}`);
  if (eventType.description && eventType.description !== eventType.name) out.push(eventType.description);
  if (eventType.messageTemplate && eventType.messageTemplate !== eventType.description) out.push(`message: ${eventType.messageTemplate}`);
  if (source.discriminator) out.push(`selected by ${source.discriminator.field}: ${eventType.codes.length ? eventType.codes.map(String).join(', ') : s.dim('(no code known)')}`);
  out.push(`fields ${eventType.completeness}`);
  for (const note of eventType.notes ?? []) out.push(s.dim(`note: ${note}`));
  out.push('', s.bold('Fields'));
  out.push(table(fieldRows(set.fieldsOf(source, eventType)), ['FIELD', 'TYPE', 'FROM', 'VALUES / DESCRIPTION'], s).trimEnd());
  if (eventType.attributes?.length) {
    out.push('', s.bold('EMM attributes'));
    const rows = eventType.attributes.map((a) => [
      a.supported ? s.green('supported') : s.red('not logged'),
      a.name,
      a.paths.join(', '),
      a.note ?? '',
    ]);
    out.push(table(rows, ['SUPPORT', 'ATTRIBUTE', 'PATH', 'NOTE'], s).trimEnd());
  }
  out.push('', s.bold('Examples'));
  if (eventType.examples.length === 0) out.push(s.dim('none documented'));
  for (const example of eventType.examples) {
    out.push(`sample: ${example.ref}${example.outcome ? `  (${example.outcome})` : ''}${example.origin && example.origin !== 'document' ? s.dim(`  from ${example.origin}`) : ''}`);
  }
  out.push('');
  return out.join('\n') + '\n';
}

export function renderSourceJson(set: CatalogSet, source: CatalogSource): string {
  const { eventTypes, ...rest } = source;
  const summary = {
    ...rest,
    eventTypes: eventTypes.map((e) => ({
      id: e.id,
      name: e.name,
      codes: e.codes,
      ...(e.emmId ? { emmId: e.emmId } : {}),
      fields: e.fields.length,
      examples: e.examples.map((x) => x.ref),
      completeness: e.completeness,
    })),
  };
  return `${JSON.stringify({ version: 1, source: summary }, null, 2)}\n`;
}

export function renderEventJson(set: CatalogSet, source: CatalogSource, eventType: CatalogEventType): string {
  return `${JSON.stringify({ version: 1, source: source.id, eventType: { ...eventType, allFields: set.fieldsOf(source, eventType) } }, null, 2)}\n`;
}

/** An event type by id, code, EMM id (`ET0001`) or name (case-insensitive). */
export function findEventType(set: CatalogSet, source: CatalogSource, query: string): CatalogEventType | undefined {
  const lower = query.toLowerCase();
  return (
    source.eventTypes.find((e) => e.id === query) ??
    set.eventTypesForCode(source, query)[0] ??
    source.eventTypes.find((e) => e.emmId?.toLowerCase() === lower || e.name.toLowerCase() === lower || e.id.toLowerCase() === lower)
  );
}
