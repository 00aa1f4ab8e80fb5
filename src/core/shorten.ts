/**
 * A value to quote in a message: the text itself, or its first `keep` characters and `…` when it is
 * longer (rule values and patterns can be thousands of characters; the location points at the whole).
 */
export function shortened(text: string, keep: number): string {
  return text.length > keep ? `${text.slice(0, keep)}…` : text;
}
