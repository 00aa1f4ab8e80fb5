import { closest, distance } from 'fastest-levenshtein';
import { listNames } from './errors.js';

/** Characters a search identifier may have when a condition names it (pySigma's identifier, `[A-Za-z0-9_-]+`). */
export const IDENTIFIER = /^[A-Za-z0-9_-]+$/;
/** Characters of a selector pattern: an identifier plus `*` wildcards. */
export const PATTERN = /^[A-Za-z0-9_*-]+$/;

/**
 * The search identifiers a selector pattern stands for, in detection order.
 * `them` is every name not starting with `_`; a pattern matches whole names, `*` being any run of characters,
 * and reaches names starting with `_` only when it starts with `_` itself (filters rely on this).
 */
export function resolvePattern(pattern: string, searchNames: string[]): string[] {
  if (pattern === 'them') return searchNames.filter((name) => !name.startsWith('_'));
  const includeHidden = pattern.startsWith('_');
  const matches = patternMatcher(pattern);
  return searchNames.filter((name) => (includeHidden || !name.startsWith('_')) && matches(name));
}

/** Compiled patterns: the same few patterns (`filter_*`, `selection_*`) recur in most rules. */
const matchers = new Map<string, (name: string) => boolean>();

/** Whole-name, case-sensitive match of a pattern, `*` standing for any run of characters. */
function patternMatcher(pattern: string): (name: string) => boolean {
  let matcher = matchers.get(pattern);
  if (!matcher) {
    if (matchers.size >= 1000) matchers.clear();
    matcher = compilePattern(pattern);
    matchers.set(pattern, matcher);
  }
  return matcher;
}

function compilePattern(pattern: string): (name: string) => boolean {
  if (!pattern.includes('*')) return (name) => name === pattern;
  const source = pattern
    .split('*')
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  const regex = new RegExp(`^${source}$`, 's');
  return (name) => regex.test(name);
}

/** A defined name the author probably meant, or undefined when none is close. */
export function suggestName(word: string, searchNames: string[]): string | undefined {
  if (searchNames.length === 0) return undefined;
  const lower = word.toLowerCase();
  const sameLetters = searchNames.find((name) => name.toLowerCase() === lower);
  if (sameLetters) return sameLetters;
  const candidate = closest(word, searchNames);
  return distance(word, candidate) <= Math.max(2, Math.floor(word.length / 3)) ? candidate : undefined;
}

/**
 * A pattern with a slightly different literal start that selects something: `filtr_*` → `filter_*` when the
 * detection has `filter_main`. Only the text before the first `*` is varied.
 */
export function suggestPattern(pattern: string, searchNames: string[]): string | undefined {
  const star = pattern.indexOf('*');
  const prefix = pattern.slice(0, star);
  const rest = pattern.slice(star);
  if (prefix.length < 2) return undefined;
  const limit = Math.max(1, Math.floor(prefix.length / 3));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const name of searchNames) {
    for (let length = prefix.length - 1; length <= Math.min(prefix.length + 1, name.length); length++) {
      const start = name.slice(0, length);
      const d = distance(prefix, start);
      if (d === 0 || d >= bestDistance) continue;
      const candidate = start + rest;
      if (resolvePattern(candidate, searchNames).length === 0) continue;
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}

export function undefinedIdentifierHint(name: string, searchNames: string[]): string {
  const suggestion = suggestName(name, searchNames);
  if (suggestion && suggestion.toLowerCase() === name.toLowerCase()) {
    return `did you mean \`${suggestion}\`? Search identifiers are case-sensitive`;
  }
  if (suggestion) return `did you mean \`${suggestion}\`?`;
  if (searchNames.length === 0) return 'the detection defines no search identifiers';
  return `the detection defines ${listNames(searchNames)}`;
}

export function emptySelectorHint(pattern: string, searchNames: string[]): string {
  const hidden = searchNames.filter((name) => name.startsWith('_'));
  if (pattern === 'them') {
    if (searchNames.length === 0) return 'the detection defines no search identifiers';
    return '`them` leaves out names that start with `_`; use a pattern that starts with `_` to select them';
  }
  if (!pattern.startsWith('_') && hidden.some(patternMatcher(pattern))) {
    return 'names that start with `_` are matched only by a pattern that starts with `_`';
  }
  const suggestion = pattern.includes('*') ? suggestPattern(pattern, searchNames) : suggestName(pattern, searchNames);
  if (suggestion) return `did you mean \`${suggestion}\`?`;
  if (searchNames.length === 0) return 'the detection defines no search identifiers';
  return `patterns are case-sensitive and match whole names; the detection defines ${listNames(searchNames)}`;
}
