/**
 * Finds the end of a JSON value embedded in prose by matching braces and brackets, skipping over
 * string literals (so a `}` inside a string does not close the object).
 */
export function matchJsonValue(text: string, start: number): number {
  const open = text[start];
  if (open !== '{' && open !== '[') throw new Error(`no JSON value at offset ${start}`);
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const ch = text[i];
    if (inString) {
      if (ch === '\\') i++;
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') inString = true;
    else if (ch === '{' || ch === '[') depth++;
    else if (ch === '}' || ch === ']') {
      depth--;
      if (depth === 0) return i + 1;
    }
  }
  throw new Error(`unterminated JSON value starting at offset ${start}`);
}

/** Parses the JSON value starting at `start`; returns it and the offset just after it. */
export function readJsonValue(text: string, start: number): { value: unknown; end: number } {
  const end = matchJsonValue(text, start);
  return { value: JSON.parse(text.slice(start, end)), end };
}
