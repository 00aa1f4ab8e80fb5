/**
 * Timestamp parts for `minute` … `year`. Time zones are out of scope in the specification, so the parts of
 * an ISO 8601 text are taken as written (no conversion); numbers are Unix epoch seconds (milliseconds
 * above 10^11), read in UTC. `week` is the ISO 8601 week (1–53).
 */

export type TimestampPart = 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year';
export const TIMESTAMP_PARTS: readonly TimestampPart[] = ['minute', 'hour', 'day', 'week', 'month', 'year'];

interface Parts {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?/;

function partsOf(value: unknown): Parts | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) {
    const date = new Date(value > 1e11 ? value : value * 1000);
    return {
      year: date.getUTCFullYear(),
      month: date.getUTCMonth() + 1,
      day: date.getUTCDate(),
      hour: date.getUTCHours(),
      minute: date.getUTCMinutes(),
    };
  }
  if (typeof value !== 'string') return undefined;
  const m = ISO.exec(value.trim());
  if (!m) return undefined;
  return {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: m[4] === undefined ? 0 : Number(m[4]),
    minute: m[5] === undefined ? 0 : Number(m[5]),
  };
}

function isoWeek(year: number, month: number, day: number): number {
  const date = new Date(Date.UTC(year, month - 1, day));
  const weekday = date.getUTCDay() || 7; // Monday = 1 … Sunday = 7
  date.setUTCDate(date.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  return Math.ceil(((date.getTime() - yearStart) / 86_400_000 + 1) / 7);
}

/** The requested part of a timestamp value, or undefined when the value is not a timestamp. */
export function timestampPart(value: unknown, part: TimestampPart): number | undefined {
  const p = partsOf(value);
  if (!p) return undefined;
  switch (part) {
    case 'minute':
      return p.minute;
    case 'hour':
      return p.hour;
    case 'day':
      return p.day;
    case 'month':
      return p.month;
    case 'year':
      return p.year;
    case 'week':
      return isoWeek(p.year, p.month, p.day);
  }
}
