/**
 * Every Sigma value modifier, with what it accepts and produces. This table is the single source of
 * modifier facts: the loader validates chains with it, the engine implements the semantics keyed by
 * these names, lint and docs read it.
 *
 * Types flow left to right through a chain, starting from the YAML value's type: `string`, `number`,
 * `boolean`, `null`. Each modifier names the types it accepts and the type it hands to the next one.
 */

export type ValueKind =
  | 'string'
  | 'number'
  | 'boolean'
  | 'null'
  /** A regular expression (`re`, then `i`/`m`/`s`). */
  | 'regex'
  /** A network (`cidr`). */
  | 'cidr'
  /** A reference to another field of the event (`fieldref`). */
  | 'fieldref'
  /** A field-presence test (`exists`). */
  | 'exists'
  /** A numeric comparison (`gt`, `gte`, `lt`, `lte`). */
  | 'comparison'
  /** A part of a timestamp (`minute` … `year`), compared as a number. */
  | 'timepart';

export type ModifierCategory =
  | 'match' // contains, startswith, endswith
  | 'list' // all, neq: act on the whole item, not on each value
  | 'encoding' // base64, base64offset, wide, utf16*, windash
  | 'case' // cased
  | 'regex' // re
  | 'regex-flag' // i, m, s and their long names
  | 'network' // cidr
  | 'presence' // exists
  | 'placeholder' // expand
  | 'reference' // fieldref
  | 'compare' // gt, gte, lt, lte
  | 'time'; // minute, hour, day, week, month, year

export interface ModifierInfo {
  name: string;
  category: ModifierCategory;
  /** Value kinds this modifier accepts as input; `any` for list modifiers. */
  accepts: readonly ValueKind[] | 'any';
  /** What it hands on; `same` keeps the input kind. */
  produces: ValueKind | 'same';
  /** Only valid as the first modifier of the chain (`re`, `cidr`). */
  first?: boolean;
  /** Valid only when it is the only modifier (`exists`). */
  alone?: boolean;
  /** Needs a field name (not valid on keyword items). */
  needsField?: boolean;
  /** Values may not contain unescaped `*`/`?` wildcards. */
  noWildcards?: boolean;
  /** Modifiers that may not appear in the same chain, in either order. */
  conflicts?: readonly string[];
  /** Only valid after this modifier (regex flags after `re`). */
  after?: string;
  /** Canonical name when this is an alternative spelling (`ignorecase` → `i`). */
  aliasOf?: string;
  /** Inclusive range for the values of timestamp-part modifiers. */
  range?: readonly [number, number];
  /** Defined by the Sigma specification v2.1 (false: a pySigma extension). */
  inSpec: boolean;
  /** Implemented by pySigma 1.5 (false: spec-only, e.g. `utf16le`). */
  inPySigma: boolean;
  summary: string;
}

const STRINGISH: readonly ValueKind[] = ['string', 'regex', 'fieldref'];
const NUMBER: readonly ValueKind[] = ['number'];

function m(name: string, info: Omit<ModifierInfo, 'name' | 'inSpec' | 'inPySigma'> & Partial<Pick<ModifierInfo, 'inSpec' | 'inPySigma'>>): ModifierInfo {
  return { name, inSpec: true, inPySigma: true, ...info };
}

export const MODIFIERS: readonly ModifierInfo[] = [
  m('contains', { category: 'match', accepts: STRINGISH, produces: 'same', summary: 'The value occurs anywhere in the field (wraps it in `*…*`).' }),
  m('startswith', { category: 'match', accepts: STRINGISH, produces: 'same', summary: 'The field starts with the value.' }),
  m('endswith', { category: 'match', accepts: STRINGISH, produces: 'same', summary: 'The field ends with the value.' }),
  m('all', { category: 'list', accepts: 'any', produces: 'same', summary: 'Every value of the list must match (AND instead of OR).' }),
  m('neq', { category: 'list', accepts: 'any', produces: 'same', summary: 'Negates the whole item: the field equals none of the values.' }),
  m('exists', { category: 'presence', accepts: ['boolean'], produces: 'exists', alone: true, needsField: true, summary: '`true`: the field is present; `false`: it is absent.' }),
  m('cased', { category: 'case', accepts: ['string'], produces: 'same', conflicts: ['re'], summary: 'Case-sensitive string match (wildcards still apply).' }),
  m('windash', { category: 'encoding', accepts: ['string'], produces: 'same', summary: 'Also matches `-` and `/` options written with `/`, `-`, en, em or horizontal-bar dashes.' }),
  m('base64', { category: 'encoding', accepts: ['string'], produces: 'string', noWildcards: true, summary: 'Matches the Base64 encoding of the value.' }),
  m('base64offset', { category: 'encoding', accepts: ['string'], produces: 'string', noWildcards: true, summary: 'Matches the value Base64-encoded at any of the three byte offsets (use with `contains`).' }),
  m('wide', { category: 'encoding', accepts: ['string'], produces: 'string', summary: 'Encodes the value as UTF-16LE (usually followed by `base64`); the same as `utf16le`.' }),
  m('utf16le', { category: 'encoding', accepts: ['string'], produces: 'string', inPySigma: false, summary: 'Encodes the value as UTF-16LE (pySigma knows it only as `wide`).' }),
  m('utf16be', { category: 'encoding', accepts: ['string'], produces: 'string', summary: 'Encodes the value as UTF-16BE.' }),
  m('utf16', { category: 'encoding', accepts: ['string'], produces: 'string', summary: 'Encodes the value as UTF-16 with a byte order mark.' }),
  m('re', { category: 'regex', accepts: ['string'], produces: 'regex', first: true, conflicts: ['cased'], summary: 'The value is a regular expression, searched anywhere in the field (case-sensitive).' }),
  m('i', { category: 'regex-flag', accepts: ['regex'], produces: 'regex', after: 're', summary: 'Regex flag: ignore case.' }),
  m('ignorecase', { category: 'regex-flag', accepts: ['regex'], produces: 'regex', after: 're', aliasOf: 'i', inSpec: false, summary: 'Regex flag: ignore case (long name of `i`).' }),
  m('m', { category: 'regex-flag', accepts: ['regex'], produces: 'regex', after: 're', summary: 'Regex flag: `^` and `$` match at line breaks.' }),
  m('multiline', { category: 'regex-flag', accepts: ['regex'], produces: 'regex', after: 're', aliasOf: 'm', inSpec: false, summary: 'Regex flag: multi-line (long name of `m`).' }),
  m('s', { category: 'regex-flag', accepts: ['regex'], produces: 'regex', after: 're', summary: 'Regex flag: `.` matches line breaks too.' }),
  m('dotall', { category: 'regex-flag', accepts: ['regex'], produces: 'regex', after: 're', aliasOf: 's', inSpec: false, summary: 'Regex flag: dot-all (long name of `s`).' }),
  m('cidr', { category: 'network', accepts: ['string'], produces: 'cidr', first: true, noWildcards: true, summary: 'The field is an IP address inside the IPv4 or IPv6 network.' }),
  m('expand', { category: 'placeholder', accepts: ['string', 'regex'], produces: 'same', summary: 'Replaces `%name%` placeholders with values from the configuration.' }),
  m('fieldref', { category: 'reference', accepts: ['string'], produces: 'fieldref', noWildcards: true, summary: 'Compares with the value of the named field of the same event.' }),
  m('gt', { category: 'compare', accepts: ['number', 'timepart'], produces: 'comparison', summary: 'The field is a number greater than the value.' }),
  m('gte', { category: 'compare', accepts: ['number', 'timepart'], produces: 'comparison', summary: 'The field is a number greater than or equal to the value.' }),
  m('lt', { category: 'compare', accepts: ['number', 'timepart'], produces: 'comparison', summary: 'The field is a number less than the value.' }),
  m('lte', { category: 'compare', accepts: ['number', 'timepart'], produces: 'comparison', summary: 'The field is a number less than or equal to the value.' }),
  m('minute', { category: 'time', accepts: NUMBER, produces: 'timepart', range: [0, 59], summary: 'The minute of the field\'s timestamp equals the value.' }),
  m('hour', { category: 'time', accepts: NUMBER, produces: 'timepart', range: [0, 23], summary: 'The hour of the field\'s timestamp equals the value.' }),
  m('day', { category: 'time', accepts: NUMBER, produces: 'timepart', range: [1, 31], summary: 'The day of the month of the field\'s timestamp equals the value.' }),
  m('week', { category: 'time', accepts: NUMBER, produces: 'timepart', range: [1, 53], summary: 'The ISO week of the field\'s timestamp equals the value.' }),
  m('month', { category: 'time', accepts: NUMBER, produces: 'timepart', range: [1, 12], summary: 'The month of the field\'s timestamp equals the value.' }),
  m('year', { category: 'time', accepts: NUMBER, produces: 'timepart', summary: 'The year of the field\'s timestamp equals the value.' }),
];

const BY_NAME = new Map(MODIFIERS.map((info) => [info.name, info]));

export const MODIFIER_NAMES: readonly string[] = MODIFIERS.map((info) => info.name);

export function modifierInfo(name: string): ModifierInfo | undefined {
  return BY_NAME.get(name);
}

/** The canonical name of a modifier (`ignorecase` → `i`); unknown names are returned unchanged. */
export function canonicalModifier(name: string): string {
  return BY_NAME.get(name)?.aliasOf ?? name;
}

/** Human name of a value kind, for messages. */
export function describeKind(kind: ValueKind): string {
  switch (kind) {
    case 'string': return 'a string';
    case 'number': return 'a number';
    case 'boolean': return 'a boolean';
    case 'null': return 'null';
    case 'regex': return 'a regular expression';
    case 'cidr': return 'a network';
    case 'fieldref': return 'a field reference';
    case 'exists': return 'a presence test';
    case 'comparison': return 'a comparison';
    case 'timepart': return 'a timestamp part';
  }
}
