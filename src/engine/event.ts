/**
 * Events as Sigma rules see them. An adapter presents each event shape under the field names rules use:
 *
 * - `flat`: the JSON object itself; fields by exact key, then by dotted path (`actor.alternateId`).
 * - `evtx-json`: `{"Event": {"System": …, "EventData": …}}` as exported from .evtx files (or the same parts
 *   at the top, as Velociraptor's `parse_evtx` rows have them), in either common
 *   form (`{"@Name": …, "#text": …}` attribute objects from XML converters, or `Provider_attributes` /
 *   named EventData keys from evtx dumpers). `EventID`, `Channel`, `Provider_Name`, `Computer`,
 *   `Security_UserID`, … and every EventData / UserData field by name.
 * - `evtx-baseline`: `{"system": {...}, "event_data": {...}}` as in the UDR reference examples.
 * - `winlogbeat`: Winlogbeat's and Elastic Agent's documents (`winlog.event_id`, `winlog.channel`,
 *   `winlog.event_data`, …), as exported from Elasticsearch or Kibana. The `winlog` fields under their
 *   Windows names, every event_data / user_data field by name, and the document's other top-level fields.
 *
 * For these shapes the raw object stays reachable by dotted path (`Event.System.Level`, `host.name`).
 * An Elasticsearch hit (`_index`, `_id`, `_source`) is read as its `_source`, in whichever shape that has.
 */

export type EventShape = 'flat' | 'evtx-json' | 'evtx-baseline' | 'winlogbeat';
export const EVENT_SHAPES: readonly EventShape[] = ['flat', 'evtx-json', 'evtx-baseline', 'winlogbeat'];

type Obj = Record<string, unknown>;

function isObject(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const hasOwn = Object.prototype.hasOwnProperty;

/**
 * Which shape a raw event has: `evtx-json` for `Event.System` (or `System` with `EventData`, `UserData` or an
 * `EventID`), `evtx-baseline` for `system`/`event_data`,
 * `winlogbeat` for `winlog.event_id` or `winlog.event_data`.
 */
export function detectShape(raw: unknown): EventShape {
  if (!isObject(raw)) return 'flat';
  const event = raw.Event;
  if (isObject(event) && (isObject(event.System) || isObject(event.EventData))) return 'evtx-json';
  if (isObject(raw.System) && (isObject(raw.EventData) || isObject(raw.UserData) || hasOwn.call(raw.System, 'EventID'))) return 'evtx-json';
  if (isObject(raw.system) && (hasOwn.call(raw, 'event_data') || hasOwn.call(raw.system, 'event_id'))) return 'evtx-baseline';
  if (isObject(raw.winlog) && (hasOwn.call(raw.winlog, 'event_id') || isObject(raw.winlog.event_data))) return 'winlogbeat';
  return 'flat';
}

/** Unwraps XML-converter text nodes: `{"#text": "4688", "@Qualifiers": ""}` → `"4688"`. */
function text(value: unknown): unknown {
  if (isObject(value)) {
    if (hasOwn.call(value, '#text')) return value['#text'];
    if (hasOwn.call(value, 'Value')) return value.Value;
    if (hasOwn.call(value, '_')) return value._;
  }
  return value;
}

function attribute(node: unknown, sibling: unknown, name: string): unknown {
  if (isObject(node)) {
    if (hasOwn.call(node, `@${name}`)) return node[`@${name}`];
    if (hasOwn.call(node, name)) return node[name];
    if (isObject(node['#attributes']) && hasOwn.call(node['#attributes'], name)) return node['#attributes'][name];
  }
  if (isObject(sibling) && hasOwn.call(sibling, name)) return sibling[name];
  return undefined;
}

function setIfDefined(out: Obj, key: string, value: unknown): void {
  if (value !== undefined && !hasOwn.call(out, key)) out[key] = value;
}

/** EventData in its common encodings → fields by name. */
function addEventData(out: Obj, data: unknown): void {
  if (!isObject(data)) return;
  const items = data.Data;
  if (items !== undefined) {
    const list = Array.isArray(items) ? items : [items];
    const unnamed: unknown[] = [];
    for (const item of list) {
      if (isObject(item)) {
        const name = attribute(item, item['#attributes'], 'Name');
        if (typeof name === 'string') setIfDefined(out, name, text(item) ?? null);
        else unnamed.push(text(item));
      } else unnamed.push(item);
    }
    if (unnamed.length > 0) setIfDefined(out, 'Data', unnamed.length === 1 ? unnamed[0] : unnamed);
  }
  for (const [key, value] of Object.entries(data)) {
    if (key === 'Data' || key.startsWith('@') || key.startsWith('#') || key.endsWith('_attributes')) continue;
    setIfDefined(out, key, text(value));
  }
}

/** UserData holds one element whose children are the fields. */
function addUserData(out: Obj, data: unknown): void {
  if (!isObject(data)) return;
  for (const [key, inner] of Object.entries(data)) {
    if (key.startsWith('@') || key.startsWith('#') || key.endsWith('_attributes')) continue;
    if (isObject(inner)) {
      for (const [field, value] of Object.entries(inner)) {
        if (field.startsWith('@') || field.startsWith('#') || field.endsWith('_attributes')) continue;
        setIfDefined(out, field, text(value));
      }
    }
  }
}

/** `Event.System` / `Event.EventData`, or the same parts at the top (Velociraptor's rows, with their `Message`). */
function flattenEvtxJson(raw: Obj): Obj {
  const wrapped = isObject(raw.Event);
  const event = wrapped ? (raw.Event as Obj) : raw;
  const system = isObject(event.System) ? event.System : {};
  const out: Obj = {};
  const sys = (key: string) => text(system[key]);
  setIfDefined(out, 'EventID', sys('EventID'));
  setIfDefined(out, 'Channel', sys('Channel'));
  setIfDefined(out, 'Computer', sys('Computer'));
  setIfDefined(out, 'Provider_Name', attribute(system.Provider, system.Provider_attributes, 'Name'));
  setIfDefined(out, 'Provider_Guid', attribute(system.Provider, system.Provider_attributes, 'Guid'));
  setIfDefined(out, 'EventSourceName', attribute(system.Provider, system.Provider_attributes, 'EventSourceName'));
  for (const key of ['Version', 'Level', 'Task', 'Opcode', 'Keywords', 'EventRecordID']) setIfDefined(out, key, sys(key));
  setIfDefined(out, 'TimeCreated', attribute(system.TimeCreated, system.TimeCreated_attributes, 'SystemTime'));
  setIfDefined(out, 'Security_UserID', attribute(system.Security, system.Security_attributes, 'UserID'));
  setIfDefined(out, 'Execution_ProcessID', attribute(system.Execution, system.Execution_attributes, 'ProcessID'));
  setIfDefined(out, 'Execution_ThreadID', attribute(system.Execution, system.Execution_attributes, 'ThreadID'));
  setIfDefined(out, 'ActivityID', attribute(system.Correlation, system.Correlation_attributes, 'ActivityID'));
  addEventData(out, event.EventData);
  addUserData(out, event.UserData);
  if (wrapped) out.Event = event;
  else copyFields(out, raw, ['System', 'EventData', 'UserData']);
  return out;
}

/** Copies each `source[from]` to `out[to]`: another format's keys under their Windows names. */
function copyRenamed(out: Obj, source: Obj, names: Record<string, string>): void {
  for (const [from, to] of Object.entries(names)) setIfDefined(out, to, source[from]);
}

/** Copies every field of `source` (when an object) but those `skip` names. */
function copyFields(out: Obj, source: unknown, skip: readonly string[] = []): void {
  if (isObject(source)) for (const [key, value] of Object.entries(source)) if (!skip.includes(key)) setIfDefined(out, key, value);
}

/** `system` keys of the UDR reference examples → Windows names. */
const BASELINE_SYSTEM_NAMES: Record<string, string> = {
  event_id: 'EventID',
  channel: 'Channel',
  computer: 'Computer',
  provider: 'Provider_Name',
  guid: 'Provider_Guid',
  event_source_name: 'EventSourceName',
  version: 'Version',
  level: 'Level',
  task: 'Task',
  opcode: 'Opcode',
  keywords: 'Keywords',
  event_record_id: 'EventRecordID',
  time_created: 'TimeCreated',
};

/** `winlog` keys of Winlogbeat documents → Windows names. */
const WINLOG_NAMES: Record<string, string> = {
  event_id: 'EventID',
  channel: 'Channel',
  computer_name: 'Computer',
  provider_name: 'Provider_Name',
  provider_guid: 'Provider_Guid',
  version: 'Version',
  record_id: 'EventRecordID',
  activity_id: 'ActivityID',
};

function flattenEvtxBaseline(raw: Obj): Obj {
  const system = isObject(raw.system) ? raw.system : {};
  const out: Obj = {};
  copyRenamed(out, system, BASELINE_SYSTEM_NAMES);
  if (isObject(system.security)) setIfDefined(out, 'Security_UserID', system.security.user_id);
  if (isObject(system.execution)) {
    setIfDefined(out, 'Execution_ProcessID', system.execution.process_id);
    setIfDefined(out, 'Execution_ThreadID', system.execution.thread_id);
  }
  if (isObject(system.correlation)) setIfDefined(out, 'ActivityID', system.correlation.ActivityID);
  copyFields(out, raw.event_data);
  if (isObject(raw.user_data)) addUserData(out, { data: raw.user_data });
  copyFields(out, raw, ['system', 'event_data']);
  return out;
}

function flattenWinlogbeat(raw: Obj): Obj {
  const winlog = isObject(raw.winlog) ? raw.winlog : {};
  const out: Obj = {};
  copyRenamed(out, winlog, WINLOG_NAMES);
  if (isObject(winlog.user)) setIfDefined(out, 'Security_UserID', winlog.user.identifier);
  if (isObject(winlog.process)) {
    setIfDefined(out, 'Execution_ProcessID', winlog.process.pid);
    if (isObject(winlog.process.thread)) setIfDefined(out, 'Execution_ThreadID', winlog.process.thread.id);
  }
  copyFields(out, winlog.event_data);
  // user_data holds the fields of the event's one UserData element, and that element's name.
  copyFields(out, winlog.user_data, ['xml_name']);
  copyFields(out, raw, ['winlog']);
  return out;
}

/** Resolves `segments[i..]` inside `node`, trying the longest dotted key first; arrays fan out. */
function resolvePath(node: unknown, segments: string[], i: number, out: unknown[]): void {
  if (i === segments.length) {
    out.push(node);
    return;
  }
  if (Array.isArray(node)) {
    for (const element of node) resolvePath(element, segments, i, out);
    return;
  }
  if (!isObject(node)) return;
  for (let j = segments.length; j > i; j--) {
    const key = j === i + 1 ? segments[i] : segments.slice(i, j).join('.');
    if (hasOwn.call(node, key)) {
      resolvePath(node[key], segments, j, out);
      return;
    }
  }
}

const ABSENT = Symbol('absent');

/** An event ready for evaluation: field lookups are resolved once and cached. */
export class SigmaEvent {
  /** Field name → value as rules see it (before the dotted-path fallback into `raw`). */
  readonly fields: Obj;
  private cache: Map<string, unknown> | undefined;
  private lowerCache: Map<string, string> | undefined;
  private stringValues: string[] | undefined;
  private joined: string | undefined;
  /**
   * Logsource outcomes by group number (see `LogsourceGroup`): 1 the event belongs to the group's log source,
   * 2 it does not, 0 not known yet. `sharedOutcomes` comes from the rule index, which computes them once for
   * every event with the same logsource-field values; `ownOutcomes` holds the ones computed for this event.
   */
  private sharedOutcomes: Uint8Array | undefined;
  private ownOutcomes: number[] | undefined;

  logsourceOutcome(group: number): number {
    const shared = this.sharedOutcomes;
    if (shared !== undefined && group < shared.length && shared[group] !== 0) return shared[group];
    return this.ownOutcomes?.[group] ?? 0;
  }

  setLogsourceOutcome(group: number, applies: boolean): void {
    (this.ownOutcomes ??= [])[group] = applies ? 1 : 2;
  }

  /** Outcomes computed by the rule index for the event's logsource-field values (never written through the event). */
  useSharedOutcomes(outcomes: Uint8Array): void {
    this.sharedOutcomes = outcomes;
  }

  constructor(
    readonly raw: unknown,
    readonly shape: EventShape,
  ) {
    if (!isObject(raw)) this.fields = {};
    else if (shape === 'evtx-json' && (isObject(raw.Event) || isObject(raw.System))) this.fields = flattenEvtxJson(raw);
    else if (shape === 'evtx-baseline') this.fields = flattenEvtxBaseline(raw);
    else if (shape === 'winlogbeat') this.fields = flattenWinlogbeat(raw);
    else this.fields = raw;
  }

  /**
   * The value of a field: exact key first, then a dotted path. A path through arrays gives an array of
   * the values found. `undefined` when the field is absent; `null` when present and null.
   */
  get(name: string): unknown {
    const fields = this.fields;
    if (hasOwn.call(fields, name)) return fields[name];
    const cache = (this.cache ??= new Map());
    let value = cache.get(name);
    if (value === undefined && !cache.has(name)) {
      value = ABSENT;
      if (name.includes('.')) {
        const found: unknown[] = [];
        const segments = name.split('.');
        resolvePath(fields, segments, 0, found);
        if (found.length === 0 && fields !== this.raw) resolvePath(this.raw, segments, 0, found);
        if (found.length === 1) value = found[0];
        else if (found.length > 1) value = found;
      }
      cache.set(name, value);
    }
    return value === ABSENT ? undefined : value;
  }

  /** An event is its own evaluation context when no logsource renames fields. */
  get event(): SigmaEvent {
    return this;
  }

  has(name: string): boolean {
    return this.get(name) !== undefined;
  }

  /** Lowercased text, memoised per event (the same field is compared by many rules). */
  lower(text: string): string {
    const cache = (this.lowerCache ??= new Map());
    let lowered = cache.get(text);
    if (lowered === undefined) {
      lowered = text.toLowerCase();
      cache.set(text, lowered);
    }
    return lowered;
  }

  /**
   * Every string value, lowercased and joined with NUL separators: keyword substrings (which never contain
   * NUL) are found with one `includes` instead of one per value.
   */
  haystack(): string {
    if (this.joined === undefined) this.joined = this.strings().join('\u0000').toLowerCase();
    return this.joined;
  }

  /** Every string value of the event (nested objects and arrays included): what keywords search. */
  strings(): string[] {
    return (this.stringValues ??= this.stringsExcept(() => false));
  }

  /**
   * The event's strings as `strings` lists them, without the top-level string values of the fields `skip`
   * names (the rule index searches those one by one).
   */
  stringsExcept(skip: (field: string) => boolean): string[] {
    const out: string[] = [];
    if (typeof this.raw === 'string') out.push(this.raw);
    else {
      // A flat event is walked as one object, so its fields sit one level down.
      const flat = this.shape === 'flat';
      for (const key in this.fields) {
        // The evtx shapes keep the raw record under `Event`; its strings are among the flattened fields.
        if (!flat && key === 'Event') continue;
        const value = this.fields[key];
        if (typeof value === 'string') {
          if (!skip(key)) out.push(value);
        } else collectStrings(value, out, flat ? 1 : 0);
      }
    }
    return out;
  }
}

/** Appends the strings in a value, depth first (nesting deeper than 64 levels is not searched). */
function collectStrings(node: unknown, out: string[], depth: number): void {
  if (typeof node === 'string') out.push(node);
  else if (depth > 64) return;
  else if (Array.isArray(node)) for (const element of node) collectStrings(element, out, depth + 1);
  else if (isObject(node)) for (const key in node) collectStrings(node[key], out, depth + 1);
}

/**
 * An Elasticsearch document in its metadata (`_index`, `_id`, `_source`), as elasticdump and the search API
 * write each hit: the event is its `_source`.
 */
function unwrapDocument(raw: unknown): unknown {
  return isObject(raw) && isObject(raw._source) && (hasOwn.call(raw, '_index') || hasOwn.call(raw, '_id')) ? raw._source : raw;
}

/** Wraps a parsed JSON value as an event; the shape is detected when not given. */
export function toSigmaEvent(raw: unknown, shape?: EventShape): SigmaEvent {
  if (raw instanceof SigmaEvent) return raw;
  const event = unwrapDocument(raw);
  return new SigmaEvent(event, shape ?? detectShape(event));
}
