import { readFileSync } from 'node:fs';

/**
 * The encoding a text file's first bytes announce: UTF-16 little- or big-endian by their byte order mark
 * (Windows PowerShell 5.1 writes UTF-16LE with `Out-File` and `>`), otherwise UTF-8.
 */
export function encodingOf(bytes: Uint8Array): 'utf-8' | 'utf-16le' | 'utf-16be' {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return 'utf-8';
}

/**
 * A decoder for a file whose first bytes are `bytes`. It keeps the byte order mark as U+FEFF, so that callers
 * see the same first character whatever the encoding.
 */
export function decoderFor(bytes: Uint8Array): TextDecoder {
  return new TextDecoder(encodingOf(bytes), { ignoreBOM: true });
}

/** A text file's contents, decoded by its byte order mark (see `encodingOf`). */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  return encodingOf(bytes) === 'utf-8' ? bytes.toString('utf8') : decoderFor(bytes).decode(bytes);
}
