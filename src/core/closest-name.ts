import { distance } from 'fastest-levenshtein';

/**
 * The closest candidate by case-insensitive edit distance, when it is close enough to be a likely typo:
 * at most a third of the name's letters differ, or at most three tenths of the longer of the two
 * (`severity` → `severities`). A name unlike every candidate gets no suggestion rather than a random one.
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const lower = name.toLowerCase();
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = distance(lower, candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  if (best === undefined) return undefined;
  const close = bestDistance <= Math.max(1, Math.floor(name.length / 3)) || bestDistance <= 0.3 * Math.max(name.length, best.length);
  return close ? best : undefined;
}
