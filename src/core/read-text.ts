import { readFileSync } from 'node:fs';

/**
 * A text file's contents, decoded by its byte order mark: UTF-16 little- or big-endian (Windows PowerShell 5.1
 * writes UTF-16LE with `Out-File` and `>`), otherwise UTF-8. The mark itself is kept as U+FEFF, so that
 * callers see the same first character whatever the encoding.
 */
export function readTextFile(path: string): string {
  const bytes = readFileSync(path);
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le', { ignoreBOM: true }).decode(bytes);
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be', { ignoreBOM: true }).decode(bytes);
  return bytes.toString('utf8');
}
