import { describe, expect, it } from 'vitest';
import { parsePublished } from '../../src/core/text/dates.ts';

describe('parsePublished', () => {
  it.each([
    ['16.10.2024, 17:19', '2024-10-16'],
    ['16.10.2024', '2024-10-16'],
    ['6.3.2024', '2024-03-06'],
    ['16.10.2024 17.19 Uhr', '2024-10-16'],
    ['16.10.24', '2024-10-16'],
    ['07. November 2024', '2024-11-07'],
    ['7. November 2024, 08:15 Uhr', '2024-11-07'],
    ['7. Nov. 2024', '2024-11-07'],
    ['7. März 2024', '2024-03-07'],
    ['7. Jänner 2016', '2016-01-07'],
    ['Mittwoch, 16. Oktober 2024', '2024-10-16'],
    ['Stand: 28.04.2025 07:02 Uhr', '2025-04-28'],
    ['Veröffentlicht am 16.10.2024 um 17:19 Uhr', '2024-10-16'],
    ['Aktualisiert am 7. Jänner 2016, 10.30 Uhr', '2016-01-07'],
    ['Erstellt am 16.10.2024', '2024-10-16'],
    ['Erstellt von Max Muster - 16.10.2024 17:19 Uhr', '2024-10-16'],
    ['Veröffentlicht: 16.10.2024 | Aktualisiert: 17.10.2024', '2024-10-16'],
    ['December 17, 2024', '2024-12-17'],
    ['Oct 16, 2024', '2024-10-16'],
    ['Oct. 16, 2024', '2024-10-16'],
    ['Sept. 3, 2024', '2024-09-03'],
    ['16 October 2024', '2024-10-16'],
    ['16th October 2024', '2024-10-16'],
    ['Published on October 16, 2024 at 5:19 pm ET', '2024-10-16'],
    ['Updated: 2024-10-16T17:19:00Z', '2024-10-16'],
    ['2024-10-16', '2024-10-16'],
  ])('reads %j as %s', (line, expected) => {
    expect(parsePublished(line)).toBe(expected);
  });

  it.each([
    ['31.02.2024', 'a day the month does not have'],
    ['32.01.2024', 'a day no month has'],
    ['16.13.2024', 'a thirteenth month'],
    ['2024-02-30', 'an impossible ISO date'],
    ['30.9.3015', 'a typo in the year, far in the future'],
    ['1.1.1850', 'a year before any newsroom export'],
    ['Erstellt von - Uhr', 'an empty byline template'],
    ['am 24. Oktober', 'a date without a year'],
    ['(22. bis 24. Oktober)', 'a range inside a story'],
    ['ARCHIV - 19.06.2024, Nordkorea, Pjöngjang', 'a photo caption'],
    ['Die Wahl findet am 16.10.2024 statt.', 'a date inside a sentence'],
    ['Stand: vorige Woche', 'a stamp without a date'],
    ['16.10.', 'a date without a year'],
    ['', 'an empty line'],
    ['16.10.2024 '.repeat(20), 'a line longer than any dateline'],
  ])('gives null for %j (%s)', (line) => {
    expect(parsePublished(line)).toBeNull();
  });

  it('never answers with the current date for a line that has none', () => {
    expect(parsePublished('Stand: heute, 17:19 Uhr')).toBeNull();
    expect(parsePublished('17:19 Uhr')).toBeNull();
  });
});
