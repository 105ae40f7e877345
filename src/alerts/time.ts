/**
 * Wall-clock times in a chat's time zone, with nothing but `Intl`: digests and quiet hours are
 * stored as minutes after local midnight and turned into instants only when they are scheduled.
 */

export const DEFAULT_TIME_ZONE = 'Europe/Berlin';
const MINUTES_PER_DAY = 24 * 60;

const formats = new Map<string, Intl.DateTimeFormat>();

function formatFor(timeZone: string): Intl.DateTimeFormat {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    formats.set(timeZone, format);
  }
  return format;
}

/** The canonical name of an IANA time zone (`europe/london` → `Europe/London`), or null when there is none. */
export function canonicalTimeZone(name: string): string | null {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: name }).resolvedOptions().timeZone;
  } catch {
    return null;
  }
}

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

function wallClock(at: number, timeZone: string): WallClock {
  const parts: Record<string, number> = {};
  for (const p of formatFor(timeZone).formatToParts(at)) if (p.type !== 'literal') parts[p.type] = Number(p.value);
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute!, second: parts.second! };
}

/** How far the zone's clock is ahead of UTC at that instant, in ms. */
function offsetAt(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(at / 1000) * 1000;
}

/** The instant a local wall-clock time happens; a time skipped by a DST change falls an hour later. */
function instantOf(year: number, month: number, day: number, minuteOfDay: number, timeZone: string): number {
  const asUtc = Date.UTC(year, month - 1, day, 0, minuteOfDay);
  const first = asUtc - offsetAt(asUtc, timeZone);
  return asUtc - offsetAt(first, timeZone);
}

/** Minutes after local midnight at that instant. */
export function localMinuteOfDay(at: number, timeZone: string): number {
  const w = wallClock(at, timeZone);
  return w.hour * 60 + w.minute;
}

/** The first instant after `after` at which the local clock shows `minuteOfDay`. */
export function nextLocalTime(after: number, minuteOfDay: number, timeZone: string): number {
  const today = wallClock(after, timeZone);
  for (let days = 0; days < 3; days++) {
    const at = instantOf(today.year, today.month, today.day + days, minuteOfDay, timeZone);
    if (at > after) return at;
  }
  throw new Error(`no ${minuteOfDay} in ${timeZone} after ${after}`);
}

export interface QuietHours {
  /** Minutes after local midnight; `from` may be later than `until` (22:00–07:00 spans midnight). */
  from: number;
  until: number;
}

/** When quiet hours are in force at `at`, the instant they end; otherwise null. */
export function quietUntil(at: number, quiet: QuietHours, timeZone: string): number | null {
  const now = localMinuteOfDay(at, timeZone);
  const inside = quiet.from < quiet.until ? now >= quiet.from && now < quiet.until : now >= quiet.from || now < quiet.until;
  return inside ? nextLocalTime(at, quiet.until, timeZone) : null;
}

/** Parses `8`, `08`, `8:30` or `08:30` into minutes after midnight. */
export function parseClock(text: string): number | null {
  const m = /^(\d{1,2})(?::(\d{2}))?$/.exec(text.trim());
  if (!m) return null;
  const hour = Number(m[1]);
  const minute = Number(m[2] ?? 0);
  return hour < 24 && minute < 60 ? hour * 60 + minute : null;
}

export function formatClock(minuteOfDay: number): string {
  const m = ((minuteOfDay % MINUTES_PER_DAY) + MINUTES_PER_DAY) % MINUTES_PER_DAY;
  return `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
}
