import type { SigmaString, SigmaStringPart } from './sigma-string.js';

/**
 * The encoding modifiers. Strings that went through `wide`/`utf16*` hold bytes, one per UTF-16 code unit
 * (0–255), so that a following `base64` encodes exactly those bytes; plain strings are encoded as UTF-8,
 * as pySigma does.
 */

/** Base64 of the bytes of `text`: UTF-8, or latin-1 when the text already holds bytes. */
export function base64(text: string, isBytes: boolean): string {
  return Buffer.from(text, isBytes ? 'latin1' : 'utf8').toString('base64');
}

/**
 * pySigma's `base64offset`: the value prefixed with 0, 1 and 2 spaces, encoded, and trimmed to the part
 * that does not depend on neighbouring bytes. For `abc`: `YWJj`, `FiY`, `hYm`.
 */
export function base64Offsets(text: string, isBytes: boolean): string[] {
  const length = Buffer.byteLength(text, isBytes ? 'latin1' : 'utf8');
  const start = [0, 2, 3];
  const end = [undefined, -3, -2];
  const variants: string[] = [];
  for (let i = 0; i < 3; i++) {
    const encoded = base64(' '.repeat(i) + text, isBytes);
    variants.push(encoded.slice(start[i], end[(length + i) % 3]));
  }
  return variants;
}

/** UTF-16 code units as byte characters, little- or big-endian. */
export function utf16Bytes(text: string, endian: 'le' | 'be'): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const lo = String.fromCharCode(unit & 0xff);
    const hi = String.fromCharCode(unit >> 8);
    out += endian === 'le' ? lo + hi : hi + lo;
  }
  return out;
}

/** The UTF-16LE byte order mark as byte characters (FF FE), as the specification has it. */
export const UTF16LE_BOM = '\xff\xfe';

/** The dash characters `windash` puts in place of `-` or `/`. */
export const WINDASH_CHARACTERS = ['-', '/', '\u2013', '\u2014', '\u2015'] as const;

const WORD = /[\p{L}\p{N}_]/u;

/**
 * Positions (as [part index, offset]) of every `-` or `/` that pySigma's windash expands: `\B[-/]\b`, i.e.
 * preceded by a non-word character or the start, followed by a word character. Wildcards count as
 * non-word characters, as they do in pySigma's string form.
 */
export function windashPositions(s: SigmaString): [number, number][] {
  const flat: { ch: string; part: number; offset: number }[] = [];
  s.parts.forEach((p, part) => {
    if (p.kind === 'text') for (let offset = 0; offset < p.text.length; offset++) flat.push({ ch: p.text[offset], part, offset });
    else flat.push({ ch: p.kind === 'wildcard' ? p.wildcard : '%', part, offset: -1 });
  });
  const positions: [number, number][] = [];
  for (let i = 0; i < flat.length; i++) {
    const { ch, part, offset } = flat[i];
    if ((ch !== '-' && ch !== '/') || offset < 0) continue;
    const before = i > 0 ? flat[i - 1].ch : '';
    const after = i + 1 < flat.length ? flat[i + 1].ch : '';
    if ((before === '' || !WORD.test(before)) && after !== '' && WORD.test(after)) positions.push([part, offset]);
  }
  return positions;
}

/** Every windash variant of a string (5^n for n expandable dashes). */
export function windashVariants(s: SigmaString): SigmaString[] {
  const positions = windashPositions(s);
  if (positions.length === 0) return [s];
  const total = WINDASH_CHARACTERS.length ** positions.length;
  const variants: SigmaString[] = [];
  for (let combo = 0; combo < total; combo++) {
    const partTexts = s.parts.map((p) => (p.kind === 'text' ? p.text.split('') : null));
    let rest = combo;
    for (const [part, offset] of positions) {
      partTexts[part]![offset] = WINDASH_CHARACTERS[rest % WINDASH_CHARACTERS.length];
      rest = Math.floor(rest / WINDASH_CHARACTERS.length);
    }
    const parts: SigmaStringPart[] = s.parts.map((p, i) => (p.kind === 'text' ? { kind: 'text', text: partTexts[i]!.join('') } : p));
    variants.push({ parts });
  }
  return variants;
}
