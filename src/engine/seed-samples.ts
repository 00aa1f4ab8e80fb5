import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

/**
 * Test support: the example events of the reference documents in ../shared/seeds, extracted at test
 * time (never copied into the project).
 */

export const SEEDS_DIR = resolve(import.meta.dirname, '../../../shared/seeds');
export const UDR_SEED = resolve(SEEDS_DIR, '000_0317029bd909f6c8.txt');
export const EMM_SEED = resolve(SEEDS_DIR, '002_ee5aa98be8f3d4b1.txt');

export function seedsAvailable(): boolean {
  return existsSync(UDR_SEED) && existsSync(EMM_SEED);
}

/** Collects lines from `start` (a line holding `{`) until they parse as one JSON object. */
function objectAt(lines: string[], start: number): { value: Record<string, unknown>; end: number } | undefined {
  let text = '';
  for (let i = start; i < lines.length && i < start + 2000; i++) {
    text += lines[i] + '\n';
    if (/^\s*}\s*$/.test(lines[i])) {
      try {
        return { value: JSON.parse(text), end: i };
      } catch {
        // not yet the closing brace of the top-level object
      }
    }
  }
  return undefined;
}

export interface UdrExample {
  eventId: number;
  event: Record<string, unknown>;
}

/** The example events of the UDR reference (`Example Event #` blocks), with their heading's event ID. */
export function udrExamples(): UdrExample[] {
  const lines = readFileSync(UDR_SEED, 'utf8').split('\n');
  const out: UdrExample[] = [];
  let heading = -1;
  for (let i = 0; i < lines.length; i++) {
    const h = /^Event ID (\d+) /.exec(lines[i]);
    if (h) heading = Number(h[1]);
    if (lines[i].startsWith('Example Event') && lines[i + 1]?.trim() === '{') {
      const found = objectAt(lines, i + 1);
      if (found) {
        out.push({ eventId: heading, event: found.value });
        i = found.end;
      }
    }
  }
  return out;
}

export interface EmmSample {
  /** The label line above the sample (`Success`, `Failure`, `Update`, …). */
  label: string;
  line: number;
  event: Record<string, unknown>;
}

/** Sample events of the EMM pages: a JSON object right after a short label line. */
export function emmSamples(): EmmSample[] {
  const lines = readFileSync(EMM_SEED, 'utf8').split('\n');
  const out: EmmSample[] = [];
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() !== '{') continue;
    const found = objectAt(lines, i);
    if (!found) continue;
    out.push({ label: lines[i - 1].trim(), line: i + 1, event: found.value });
    i = found.end;
  }
  return out;
}
