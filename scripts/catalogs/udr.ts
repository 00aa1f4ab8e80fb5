import type { Catalog, CatalogEventType, CatalogExample, CatalogField, CatalogSource } from '../../src/catalog/model.js';
import { CATALOG_FORMAT_VERSION } from '../../src/catalog/model.js';
import { readJsonValue } from './json-blocks.js';
import { windowsFieldType } from './windows-types.js';

/**
 * Reads the User Device Registration event reference (plain text scraped from the event pages):
 * per event `Event ID N — title`, an optional description, a field table (`Name Type | …`) and an
 * optional example event as JSON (evtx-baseline shape).
 */

export const UDR_CHANNEL = 'Microsoft-Windows-User Device Registration/Admin';
export const UDR_PROVIDER = 'Microsoft-Windows-User Device Registration';

interface RawUdrEvent {
  id: number;
  title: string;
  description?: string;
  fields: { name: string; nativeType: string; hasKnownValues: boolean }[];
  hasFieldTable: boolean;
  examples: unknown[];
  references: string[];
}

const HEADING = /^Event ID (\d+) —\s*(.*)$/;
const SECTION = /^#?(Description|Message #|Fields #|Example Event #|References #)\s*$/;
const FIELD_ROW = /^([A-Za-z_][A-Za-z0-9_]*) ([A-Za-z0-9]+) \|\s*(.*)$/;

export function parseUdrDocument(text: string): RawUdrEvent[] {
  const lines = text.split('\n');
  const lineStarts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    lineStarts.push(offset);
    offset += line.length + 1;
  }
  const events: RawUdrEvent[] = [];
  let current: RawUdrEvent | undefined;
  let section = '';
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].replace(/\r$/, '');
    const heading = HEADING.exec(line);
    if (heading) {
      current = { id: Number(heading[1]), title: heading[2].trim(), fields: [], hasFieldTable: false, examples: [], references: [] };
      events.push(current);
      section = '';
      continue;
    }
    if (!current) continue;
    const sectionMatch = SECTION.exec(line.trim());
    if (sectionMatch) {
      section = sectionMatch[1];
      if (section === 'Fields #') current.hasFieldTable = true;
      continue;
    }
    if (section === 'Description') {
      if (line.trim()) current.description = current.description ? `${current.description} ${line.trim()}` : line.trim();
    } else if (section === 'Fields #') {
      const row = FIELD_ROW.exec(line);
      if (row) current.fields.push({ name: row[1], nativeType: row[2], hasKnownValues: /Known values/i.test(row[3]) });
    } else if (section === 'Example Event #') {
      if (line.startsWith('{')) {
        const { value, end } = readJsonValue(text, lineStarts[i]);
        current.examples.push(value);
        while (i + 1 < lines.length && lineStarts[i + 1] < end) i++;
      }
    } else if (section === 'References #') {
      const ref = /^-\s*(.+)$/.exec(line.trim());
      if (ref) current.references.push(ref[1]);
    }
  }
  return events;
}

/** Words in message templates that are names of things, not inserted field values. */
const TEMPLATE_NON_FIELDS = new Set([
  'Microsoft', 'Azure', 'Entra', 'Passport', 'Work', 'Active', 'Directory', 'Local', 'Security', 'Authority',
  'Web', 'Account', 'Manager', 'Registration', 'Protocol', 'Proxy', 'Autodiscovery', 'Secure', 'Sockets', 'Layer',
  'Policy', 'Authentication', 'Package', 'WinHTTP', 'SecureVM', 'Json', 'Succeeded', 'Hostname', 'Group Policy',
  'Request', 'Failed', 'Windows', 'Hello', 'Business', 'Device', 'Join', 'Primary', 'Refresh', 'Token', 'Kerberos', 'Cloud', 'Trust',
]);

/**
 * Field names a message template mentions: inserts are written as the field's name in place of
 * the value (`failed with exit code: ExitCode.`). A capitalised word that is not at the start of a
 * sentence, is not an acronym or a product name, or repeats the word before it (`group Group`), is one.
 */
export function templateFieldNames(template: string, knownFieldNames: Set<string>): string[] {
  const found: string[] = [];
  const tokens = template.split(/\s+/).filter(Boolean);
  let sentenceStart = true;
  let previousWord = '';
  let previousWasParenthesised = false;
  for (const raw of tokens) {
    const parts = raw.split(/[\\:]/);
    for (let p = 0; p < parts.length; p++) {
      const word = parts[p].replace(/^[("'“]+|[)"'”.,;!?]+$/g, '');
      const atStart = sentenceStart && p === 0;
      const isName = /^[A-Z][A-Za-z0-9]*$/.test(word);
      if (isName) {
        // `group Group`, `(SID) SID`: the word names the kind of thing, the repeat is the insert.
        const repeated = previousWord.toLowerCase() === word.toLowerCase() && (previousWord !== word || previousWasParenthesised);
        const acronym = /^[A-Z0-9]+$/.test(word);
        const known = knownFieldNames.has(word);
        const joinedBySeparator = p > 0; // `Folder\TaskName`, `Server:Port`
        const field =
          repeated ||
          (known && !atStart && !acronym) ||
          (!atStart && !acronym && !TEMPLATE_NON_FIELDS.has(word) && (joinedBySeparator || word.length > 1));
        if (field && !found.includes(word)) found.push(word);
      }
      previousWord = word;
      previousWasParenthesised = /^\(.*\)$/.test(parts[p]);
    }
    sentenceStart = /[.!?]$/.test(raw);
  }
  return found;
}


export function buildUdrCatalog(text: string): Catalog {
  const raw = parseUdrDocument(text);
  const knownFieldNames = new Set(raw.flatMap((e) => e.fields.map((f) => f.name)));
  const byId = new Map<number, RawUdrEvent[]>();
  for (const event of raw) {
    const list = byId.get(event.id) ?? [];
    list.push(event);
    byId.set(event.id, list);
  }
  const eventTypes: CatalogEventType[] = [];
  for (const id of [...byId.keys()].sort((a, b) => a - b)) {
    eventTypes.push(mergeUdrEvents(id, byId.get(id)!, knownFieldNames));
  }
  const source: CatalogSource = {
    id: 'udr',
    title: 'Microsoft-Windows-User Device Registration/Admin',
    description: 'Device registration (Microsoft Entra join, Windows Hello for Business key registration, MDM auto-enrollment) events of Windows.',
    product: 'Windows',
    logsources: [{ product: 'windows', service: 'user-device-registration', kind: 'primary' }],
    discriminator: { field: 'EventID', type: 'integer', completeness: 'complete' },
    constants: [
      { name: 'Channel', value: UDR_CHANNEL },
      { name: 'Provider_Name', value: UDR_PROVIDER, aliases: ['Provider'] },
    ],
    commonFields: [
      { name: 'EventID', type: 'integer', origin: 'definition', description: 'Event identifier.' },
      { name: 'Computer', type: 'string', origin: 'definition', description: 'Name of the computer that logged the event.' },
      { name: 'Security_UserID', type: 'string', origin: 'definition', description: 'SID of the account the event was logged for.' },
    ],
    completeness: 'complete',
    completenessNote:
      'Every documented event ID of the Admin channel. Events without a field table list the fields their message template names (type unknown).',
    eventTypes,
    notes: ['Integers beyond 2^53 in the example events (the `keywords` mask 9223372036854775808) are kept as exact decimal text.'],
  };
  return {
    formatVersion: CATALOG_FORMAT_VERSION,
    id: 'udr',
    title: 'Windows User Device Registration events',
    description: 'Event IDs, message templates, fields with their types and example events of the User Device Registration admin log.',
    basedOn: 'User Device Registration event reference (seed document 000), example events from the evtx-baseline project',
    sources: [source],
  };
}

function mergeUdrEvents(id: number, events: RawUdrEvent[], knownFieldNames: Set<string>): CatalogEventType {
  const name = events.map((e) => e.title).find(Boolean) ?? '';
  const description = events.map((e) => e.description).find(Boolean);
  const template = description ?? (name || undefined);
  const fields: CatalogField[] = [];
  const hasFieldTable = events.some((e) => e.hasFieldTable);
  for (const event of events) {
    for (const f of event.fields) {
      if (fields.some((x) => x.name === f.name)) continue;
      const field: CatalogField = { name: f.name, type: windowsFieldType(f.nativeType), nativeType: f.nativeType, origin: 'field-table' };
      if (f.hasKnownValues) field.description = 'The reference lists known values for this field, but the list is not part of the captured text.';
      fields.push(field);
    }
  }
  if (!hasFieldTable && template) {
    for (const fieldName of templateFieldNames(template, knownFieldNames)) {
      fields.push({ name: fieldName, type: 'unknown', origin: 'message-template', description: 'Named in the message template; the reference has no field table for this event.' });
    }
  }
  const allExamples = events.flatMap((e) => e.examples);
  const examples: CatalogExample[] = allExamples.map((event, index) => ({
    ref: allExamples.length > 1 ? `udr/${id}#${index}` : `udr/${id}`,
    eventType: String(id),
    shape: 'evtx-baseline',
    event,
    origin: 'document',
  }));
  const notes: string[] = [];
  if (events.length > 1) notes.push(`The reference documents event ${id} ${events.length} times; the entries are merged.`);
  if (!name && !description) notes.push('The reference gives no message text for this event.');
  const references = [...new Set(events.flatMap((e) => e.references))];
  for (const ref of references) notes.push(ref.replace(/^Example event sourced from/, 'Example event from'));
  const result: CatalogEventType = {
    id: String(id),
    codes: [id],
    name: name || `Event ${id}`,
    fields,
    examples,
    completeness: hasFieldTable ? 'complete' : 'partial',
  };
  if (description) result.description = description;
  if (template) result.messageTemplate = template;
  if (notes.length) result.notes = notes;
  return result;
}
