import type { Diagnostic } from '../core/diagnostic.js';
import type { EventShape } from '../engine/event.js';

/**
 * The catalog model: what a log source carries. Built-in catalogs (`catalogs/*.json`), user
 * catalogs (`--catalog FILE`) and an EMM repository checkout (`--emm DIR`) all load into these
 * types; the coverage checker and the fixture runner read only these types.
 *
 * The JSON files follow exactly this shape (see `schemas/catalog.schema.json` and docs/catalogs.md),
 * so a catalog file is a `Catalog` serialised as JSON (or YAML for user catalogs).
 *
 *   Catalog ─► CatalogSource[] ─► CatalogEventType[] ─► CatalogField[] / EmmAttribute[] / CatalogExample[]
 */

/** Version of the catalog file format. */
export const CATALOG_FORMAT_VERSION = 1;

export interface Catalog {
  /** Format version of the file, currently 1. */
  formatVersion: number;
  /** Short stable id: `udr`, `intune`, `emm`, `windows`, or a user catalog's own id. */
  id: string;
  title: string;
  description?: string;
  /** Where the facts come from (document title, repository and commit), in words. */
  basedOn?: string;
  sources: CatalogSource[];
}

/** How complete a list is: `complete` lists everything, so anything else is unknown; `partial` may miss some. */
export type Completeness = 'complete' | 'partial';

export interface CatalogSource {
  /**
   * Stable id, unique over all loaded catalogs: `udr`, `intune`, `windows/<category or service>`,
   * `emm/<product dir>/<event source basename>`.
   */
  id: string;
  title: string;
  description?: string;
  /** Vendor product name as its documentation writes it, e.g. `GitHub`. */
  product?: string;
  /**
   * The Sigma logsources this source answers to. The first selector with `kind: primary` is the
   * source's own name; `alias` selectors are the names public rules already use for the same schema.
   */
  logsources: LogsourceSelector[];
  /** The field that says which event this is (`EventID`, `action`, `eventType`), if there is one. */
  discriminator?: Discriminator;
  /** Fields with one fixed value on every event of the source (Channel, Provider_Name). */
  constants: ConstantField[];
  /** Fields every event type of the source may carry, in addition to its own `fields`. */
  commonFields: CatalogField[];
  /**
   * `complete`: the event types and their fields are the whole schema, so a field that is not
   * listed is unknown. `partial`: the lists are known to miss things (a field not listed is not an error).
   */
  completeness: Completeness;
  completenessNote?: string;
  eventTypes: CatalogEventType[];
  notes?: string[];
}

export interface LogsourceSelector {
  product?: string;
  category?: string;
  service?: string;
  kind: 'primary' | 'alias';
  /** Why an alias is bound (which rules use it, which field schema they share). */
  note?: string;
}

export interface Discriminator {
  /** Field name or dotted path as events carry it, e.g. `EventID`, `action`, `eventType`. */
  field: string;
  /** Other paths that carry the same value in some events (an EMM path may be a list). */
  alternativeFields?: string[];
  type: FieldType;
  /**
   * `complete`: every value the source emits is the `codes` of some event type (UDR, Intune).
   * `partial`: the known codes come from examples only (EMM).
   */
  completeness: Completeness;
}

export interface ConstantField {
  name: string;
  value: string | number | boolean;
  /** Other field names that carry the same constant in some event shapes (`Provider_Name`, `provider`). */
  aliases?: string[];
}

/**
 * Normalised value type. `integer` covers Int8…UInt64, `guid` is text in GUID form, `unknown` means
 * the field is known to exist but its type is not documented (e.g. named only in a message template).
 */
export type FieldType = 'string' | 'integer' | 'number' | 'boolean' | 'guid' | 'datetime' | 'binary' | 'object' | 'array' | 'unknown';

/** Where the knowledge of a field comes from. */
export type FieldOrigin =
  | 'field-table' // a documented field table with types
  | 'message-template' // named in the event's message template only (type unknown)
  | 'attribute-path' // an EMM attribute mapping path
  | 'example' // seen in a documented example event
  | 'definition' // a structured definition (SigmaHQ field lists, user catalogs)
  | 'connector'; // agreed field names for a connector without a field table (Intune)

export interface CatalogField {
  /** Field name or dotted path (`actor.alternateId`). */
  name: string;
  type: FieldType;
  /** The type exactly as the documentation writes it (`Int32`, `UnicodeString`), when it does. */
  nativeType?: string;
  description?: string;
  origin: FieldOrigin;
  /** Documented values; meaning depends on `knownValuesComplete`. */
  knownValues?: KnownValue[];
  /** True when a value outside `knownValues` (and their aliases) is worth reporting. */
  knownValuesComplete?: boolean;
}

export interface KnownValue {
  value: string | number | boolean;
  /** Symbolic name, e.g. `PKCS_Issue_CA_Unavailable`. */
  name?: string;
  description?: string;
  /** Other spellings that mean the same value (accepted, normalised to `value`). */
  aliases?: (string | number)[];
  note?: string;
}

export interface CatalogEventType {
  /**
   * Stable id inside the source: the event ID as text for UDR/Intune (`252`), the EMM event type
   * key for EMM (`account_login`), the category for the Windows field lists.
   */
  id: string;
  /** Discriminator values that select this event type (`[252]`; EMM: codes seen in examples). */
  codes: (string | number)[];
  name: string;
  description?: string;
  /** Windows message template with field names in place of the inserts. */
  messageTemplate?: string;
  /** EMM: event type id (`ET0001`) and categories (`authentication`). */
  emmId?: string;
  categories?: string[];
  /** Fields this event type carries, beyond the source's `commonFields` and `constants`. */
  fields: CatalogField[];
  /** EMM: every attribute of the EMM attribute list, supported or not, for this source and event type. */
  attributes?: EmmAttribute[];
  examples: CatalogExample[];
  /** `complete` when `fields` is the documented field table; `partial` when fields are inferred. */
  completeness: Completeness;
  notes?: string[];
}

export interface EmmAttribute {
  /** EMM attribute key, e.g. `ip_address`. */
  key: string;
  /** EMM attribute id, e.g. `A0011`. */
  id?: string;
  name: string;
  supported: boolean;
  /** Field paths that carry the attribute (several when the definition gives a list); empty when unsupported. */
  paths: string[];
  note?: string;
}

/** Event shapes as the fixture runner names them (see DESIGN.md, "Event shapes"). */
export type { EventShape };

export interface CatalogExample {
  /**
   * Stable sample reference, usable as `sample:` in rule tests: `udr/101`, `udr/421#1`,
   * `emm/github/github_audit_events/account_login/success`. The part before `#` is the base; when
   * several examples share a base, each gets `#<n>` (0-based, in document order) and the base alone
   * selects all of them.
   */
  ref: string;
  /** Id of the event type it belongs to. */
  eventType: string;
  /** `success`, `failure`, … (EMM example type); absent when the document does not say. */
  outcome?: string;
  shape: EventShape;
  event: unknown;
  /** Where it comes from: `document` or the EMM example file path inside the repository. */
  origin?: string;
  title?: string;
}

/** A catalog as loaded, with where it came from and the problems found while loading it. */
export interface LoadedCatalog {
  /** For built-in catalogs a getter: the file is parsed on first access. */
  readonly catalog: Catalog;
  origin: { kind: 'builtin' | 'user' | 'emm-repository'; path: string };
  diagnostics: Diagnostic[];
  /** Source ids and logsources, known without parsing the catalog (built-in: `catalogs/index.json`). */
  outline?: CatalogOutline;
}

export interface CatalogOutline {
  sources: { id: string; logsources: LogsourceSelector[] }[];
}

/** The three logsource keys, as a rule writes them (values compared case-insensitively). */
export interface LogsourceQuery {
  product?: string;
  category?: string;
  service?: string;
}

/** The lookups a loaded set of catalogs answers (built by `src/catalog/catalog-set.ts`). */
export interface CatalogSet {
  catalogs: LoadedCatalog[];
  /** All sources of all catalogs, in load order (built-in first, then EMM checkout, then user files). */
  sources: CatalogSource[];
  /** Problems of every catalog, in load order. */
  diagnostics: Diagnostic[];
  sourceById(id: string): CatalogSource | undefined;
  /**
   * Sources whose selectors (primary or alias) name exactly the rule's product, category and
   * service: a key the selector sets must be equal, a key the selector leaves out must be absent.
   */
  sourcesForLogsource(logsource: LogsourceQuery): CatalogSource[];
  /** Event types of a source selected by a discriminator value (`252`, `"252"`, `user.session.start`). */
  eventTypesForCode(source: CatalogSource, code: string | number): CatalogEventType[];
  /** Examples a `sample:` reference selects (see `CatalogExample.ref`); empty when none. */
  samples(ref: string): CatalogExample[];
  /**
   * Every field of an event type: constants, the source's common fields, then its own fields (an
   * own field replaces a common field of the same name, e.g. narrower known values). Without an
   * event type: constants, common fields and the fields of all event types of the source.
   */
  fieldsOf(source: CatalogSource, eventType?: CatalogEventType): CatalogField[];
}
