import { Buffer, isUtf8 } from 'node:buffer';

/**
 * Turning a rule file's bytes into text: UTF-8 only, with the offset of the first byte that is not
 * valid UTF-8 when decoding fails (so the diagnostic can point at it).
 */

export type DecodeResult =
  | { ok: true; text: string }
  /** `text` is a lossy decoding, for showing the surrounding lines; `offset` is in that text. */
  | { ok: false; text: string; offset: number; byteOffset: number };

const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

export function decodeUtf8(bytes: Uint8Array): DecodeResult {
  // Buffer's own UTF-8 decoding is the fast path; like TextDecoder with ignoreBOM it keeps a BOM.
  if (isUtf8(bytes)) return { ok: true, text: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8') };
  const byteOffset = firstInvalidByte(bytes);
  const offset = fatal.decode(bytes.subarray(0, byteOffset)).length;
  return { ok: false, text: lossy.decode(bytes), offset, byteOffset };
}

/** Index of the first byte that does not belong to a well-formed UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
  let i = 0;
  const n = bytes.length;
  while (i < n) {
    const b = bytes[i];
    if (b < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (b >= 0xc2 && b <= 0xdf) { need = 1; min = 0x80; }
    else if (b >= 0xe0 && b <= 0xef) { need = 2; min = 0x800; }
    else if (b >= 0xf0 && b <= 0xf4) { need = 3; min = 0x10000; }
    else return i;
    if (i + need >= n) return i;
    let cp = b & (0x3f >> need);
    for (let k = 1; k <= need; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (c & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return n;
}
