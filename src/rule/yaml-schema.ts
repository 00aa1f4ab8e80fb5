import yaml from 'js-yaml';

/**
 * YAML 1.1 scalar typing as PyYAML (and therefore pySigma) applies it, as a js-yaml schema:
 * `yes/no/on/off` are booleans (`y`/`n` are not), `010` is octal 8, `0x17` is 23, `12:30` is 750
 * (base 60), `1e3` stays a string (a YAML 1.1 float needs a dot), and unquoted dates become Dates.
 * The regular expressions are PyYAML's implicit resolvers (yaml/resolver.py).
 */

const NULL_RE = /^(?:~|null|Null|NULL|)$/;
const BOOL_RE = /^(?:yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF)$/;
const INT_RE = /^(?:[-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)$/;
const FLOAT_RE =
  /^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$/;
const DATE_RE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const TIMESTAMP_RE =
  /^([0-9]{4})-([0-9][0-9]?)-([0-9][0-9]?)(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9]{2}):([0-9]{2})(?:\.([0-9]*))?(?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9]{2}))?))?$/;

const TRUE_WORDS = new Set(['yes', 'true', 'on']);

/** Cheap first-character tests, so that most plain scalars skip the regular expressions. */
function startsNumeric(data: string): boolean {
  const c = data.charCodeAt(0);
  return (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e;
}

function sexagesimal(text: string): number {
  let value = 0;
  for (const part of text.split(':')) value = value * 60 + Number(part);
  return value;
}

export function constructInt(source: string): number {
  let text = source.replace(/_/g, '');
  let sign = 1;
  if (text[0] === '-' || text[0] === '+') {
    if (text[0] === '-') sign = -1;
    text = text.slice(1);
  }
  if (text === '0') return 0;
  if (text.startsWith('0b')) return sign * parseInt(text.slice(2), 2);
  if (text.startsWith('0x')) return sign * parseInt(text.slice(2), 16);
  if (text[0] === '0') return sign * parseInt(text, 8);
  if (text.includes(':')) return sign * sexagesimal(text);
  return sign * Number(text);
}

function constructFloat(source: string): number {
  let text = source.replace(/_/g, '').toLowerCase();
  let sign = 1;
  if (text[0] === '-' || text[0] === '+') {
    if (text[0] === '-') sign = -1;
    text = text.slice(1);
  }
  if (text === '.inf') return sign * Infinity;
  if (text === '.nan') return NaN;
  if (text.includes(':')) return sign * sexagesimal(text);
  return sign * Number(text);
}

/** A calendar-valid date (PyYAML raises on `2024-13-01`; we keep such text a string for the schema to flag). */
function validDate(year: number, month: number, day: number): boolean {
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function constructTimestamp(text: string): Date {
  const date = DATE_RE.exec(text);
  if (date) return new Date(Date.UTC(+date[1], +date[2] - 1, +date[3]));
  const m = TIMESTAMP_RE.exec(text)!;
  const fraction = m[7] ? +(m[7].slice(0, 3).padEnd(3, '0')) : 0;
  const result = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6], fraction));
  if (m[9]) {
    const delta = ((+m[10]) * 60 + +(m[11] ?? 0)) * 60000;
    result.setTime(result.getTime() - (m[9] === '-' ? -delta : delta));
  }
  return result;
}

function resolveTimestamp(text: string | null): boolean {
  if (text === null || text.length < 8 || !startsNumeric(text)) return false;
  const m = DATE_RE.exec(text) ?? TIMESTAMP_RE.exec(text);
  return m !== null && validDate(+m[1], +m[2], +m[3]);
}

const nullType = new yaml.Type('tag:yaml.org,2002:null', {
  kind: 'scalar',
  resolve: (data: string | null) => data === null || (data.length <= 4 && NULL_RE.test(data)),
  construct: () => null,
  predicate: (object: unknown) => object === null,
  represent: { canonical: () => '~' },
  defaultStyle: 'canonical',
});

const boolType = new yaml.Type('tag:yaml.org,2002:bool', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && data.length >= 2 && data.length <= 5 && BOOL_RE.test(data),
  construct: (data: string) => TRUE_WORDS.has(data.toLowerCase()),
  predicate: (object: unknown) => typeof object === 'boolean',
});

const intType = new yaml.Type('tag:yaml.org,2002:int', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && startsNumeric(data) && INT_RE.test(data),
  construct: constructInt,
  predicate: (object: unknown) => typeof object === 'number' && Number.isInteger(object),
});

const floatType = new yaml.Type('tag:yaml.org,2002:float', {
  kind: 'scalar',
  resolve: (data: string | null) => data !== null && startsNumeric(data) && FLOAT_RE.test(data),
  construct: constructFloat,
  predicate: (object: unknown) => typeof object === 'number',
});

const timestampType = new yaml.Type('tag:yaml.org,2002:timestamp', {
  kind: 'scalar',
  resolve: resolveTimestamp,
  construct: constructTimestamp,
  instanceOf: Date,
});

export const YAML11_SCHEMA = yaml.FAILSAFE_SCHEMA.extend({
  implicit: [nullType, boolType, intType, floatType, timestampType],
});
