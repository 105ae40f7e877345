import { describe, expect, it } from 'vitest';
import { canonicalTimeZone, localMinuteOfDay, nextLocalTime, parseClock, quietUntil } from '../../src/alerts/time.ts';

const at = (iso: string) => Date.parse(iso);

describe('wall-clock times in a chat time zone', () => {
  it('finds the next 08:00 in Berlin, today or tomorrow', () => {
    expect(new Date(nextLocalTime(at('2026-01-15T06:30:00Z'), 8 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-01-15T07:00:00.000Z');
    expect(new Date(nextLocalTime(at('2026-01-15T07:00:00Z'), 8 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-01-16T07:00:00.000Z');
    // Summer time: 08:00 in Berlin is 06:00 UTC.
    expect(new Date(nextLocalTime(at('2026-07-01T12:00:00Z'), 8 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-07-02T06:00:00.000Z');
    // Exactly 08:00 in New York: the next one is tomorrow's.
    expect(new Date(nextLocalTime(at('2026-07-01T12:00:00Z'), 8 * 60, 'America/New_York')).toISOString()).toBe('2026-07-02T12:00:00.000Z');
  });

  it('crosses the DST changes: 08:00 stays 08:00 local, a skipped 02:30 comes an hour later', () => {
    // The night of 29 March 2026 Berlin moves from +1 to +2.
    expect(new Date(nextLocalTime(at('2026-03-28T12:00:00Z'), 8 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T06:00:00.000Z');
    expect(new Date(nextLocalTime(at('2026-03-28T12:00:00Z'), 2 * 60 + 30, 'Europe/Berlin')).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(localMinuteOfDay(at('2026-03-29T01:30:00Z'), 'Europe/Berlin')).toBe(3 * 60 + 30);
    // 25 October 2026 back to +1.
    expect(new Date(nextLocalTime(at('2026-10-24T12:00:00Z'), 8 * 60, 'Europe/Berlin')).toISOString()).toBe('2026-10-25T07:00:00.000Z');
  });

  it('holds alerts during quiet hours that span midnight, and only then', () => {
    const quiet = { from: 22 * 60, until: 7 * 60 };
    // 23:30 Berlin (winter) → quiet until 07:00 the next morning.
    expect(new Date(quietUntil(at('2026-01-15T22:30:00Z'), quiet, 'Europe/Berlin')!).toISOString()).toBe('2026-01-16T06:00:00.000Z');
    // 05:00 Berlin → until 07:00 the same morning.
    expect(new Date(quietUntil(at('2026-01-16T04:00:00Z'), quiet, 'Europe/Berlin')!).toISOString()).toBe('2026-01-16T06:00:00.000Z');
    expect(quietUntil(at('2026-01-16T06:00:00Z'), quiet, 'Europe/Berlin')).toBeNull();
    expect(quietUntil(at('2026-01-16T12:00:00Z'), quiet, 'Europe/Berlin')).toBeNull();
    // Quiet in the afternoon, not spanning midnight.
    expect(quietUntil(at('2026-01-16T13:00:00Z'), { from: 13 * 60, until: 15 * 60 }, 'Europe/London')).toBe(at('2026-01-16T15:00:00Z'));
  });

  it('reads clock times and time zone names, and refuses what they are not', () => {
    expect([parseClock('8'), parseClock('08:00'), parseClock('23:59'), parseClock('7:5')]).toEqual([480, 480, 1439, null]);
    expect([parseClock('24:00'), parseClock('12:60'), parseClock('noon')]).toEqual([null, null, null]);
    expect(canonicalTimeZone('europe/london')).toBe('Europe/London');
    expect(canonicalTimeZone('Mars/Olympus')).toBeNull();
  });
});
