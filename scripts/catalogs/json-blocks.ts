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

/**
 * Parses the JSON value starting at `start`; returns it and the offset just after it. Integers
 * beyond 2^53 (Windows `keywords` masks such as 9223372036854775808) would lose digits as numbers;
 * they are kept as their exact decimal text.
 */
export function readJsonValue(text: string, start: number): { value: unknown; end: number } {
  const end = matchJsonValue(text, start);
  return { value: JSON.parse(quoteUnsafeIntegers(text.slice(start, end))), end };
}

export function quoteUnsafeIntegers(json: string): string {
  let out = '';
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    if (inString) {
      out += ch;
      if (ch === '\\') out += json[++i] ?? '';
      else if (ch === '"') inString = false;
      continue;
    }
    if (ch === '"') {
      inString = true;
      out += ch;
      continue;
    }
    const number = ch === '-' || (ch >= '0' && ch <= '9') ? /^-?\d+(\.\d+)?([eE][+-]?\d+)?/.exec(json.slice(i, i + 400)) : null;
    if (number) {
      const token = number[0];
      const isUnsafeInteger = !number[1] && !number[2] && !Number.isSafeInteger(Number(token));
      out += isUnsafeInteger ? `"${token}"` : token;
      i += token.length - 1;
      continue;
    }
    out += ch;
  }
  return out;
}
