import type { Span, TextEdit } from '../../core/diagnostic.js';
import type { SourceFile } from '../../core/source.js';
import type { YamlScalar } from '../../rule/yaml-node.js';
import { quoteSingle } from './edits.js';

/** Where the characters of a scalar's value sit in the file, when the source spells them one-to-one. */
export function innerOffset(scalar: YamlScalar): number | undefined {
  const quoted = scalar.style === 'single' || scalar.style === 'double';
  if (scalar.style !== 'plain' && !quoted) return undefined;
  const inner = quoted ? scalar.source.slice(1, -1) : scalar.source;
  if (typeof scalar.value !== 'string' || inner !== scalar.value) return undefined;
  return scalar.span.offset + (quoted ? 1 : 0);
}

/** Span of `value.slice(start, end)` inside the scalar, or the whole scalar when it cannot be mapped. */
export function subSpan(file: SourceFile, scalar: YamlScalar, start: number, end: number): Span {
  const base = innerOffset(scalar);
  if (base === undefined) return scalar.span;
  return file.span(base + start, base + end);
}

const PLAIN_SAFE = /^[A-Za-z(][^\n#:'"]*$/;
const YAML11_SPECIAL = /^(y|yes|n|no|true|false|on|off|null|~)$/i;

/** The scalar respelled with a new string value, in the same quoting style where that is safe. */
export function respell(scalar: YamlScalar, value: string): string | undefined {
  switch (scalar.style) {
    case 'single':
      return quoteSingle(value);
    case 'double':
      return /[\\"\x00-\x1f]/.test(value) ? quoteSingle(value) : `"${value}"`;
    case 'plain':
      return PLAIN_SAFE.test(value) && !/\s$/.test(value) && !YAML11_SPECIAL.test(value) ? value : quoteSingle(value);
    default:
      return undefined;
  }
}

export function respellEdit(scalar: YamlScalar, value: string): TextEdit[] | undefined {
  const text = respell(scalar, value);
  return text === undefined ? undefined : [{ offset: scalar.span.offset, endOffset: scalar.span.endOffset, text }];
}
