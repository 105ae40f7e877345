/**
 * Publication dates from dateline and metadata lines. Only a line that is a date, or a labelled
 * stamp ("Stand:", "Veröffentlicht am", "Updated"), yields a date: a date mentioned inside a story
 * is an event, not the publication. Nothing is filled in from the clock, so a line without a full
 * year yields nothing, and a date in the future is a typo, not a publication.
 */
import { format, isValid, parse, type Locale } from 'date-fns';
import { de, enUS } from 'date-fns/locale';

/** Datelines are short; a longer line is prose and is not looked at. */
const MAX_LINE = 100;
const EARLIEST_YEAR = 1900;
/** Fixed so that two-digit years resolve the same way on every run (to 1950–2049). */
const REFERENCE = new Date(2000, 0, 1);
/** A stamp may be a day ahead of the local clock when it was written in an eastern time zone. */
const CLOCK_SLACK_MS = 36 * 3600 * 1000;

const LABEL =
  /^(?:(?:zuletzt\s+)?(?:stand|veröffentlicht|aktualisiert|erstellt|geändert)|(?:last\s+)?(?:published|updated|posted|modified))(?:\s+(?:am|on|at|um))?\s*[:\-–—]?\s*/i;
/** "Erstellt von Max Muster - 16.10.2024": the author part before the stamp's date. */
const AUTHOR = /^(?:von|by)\s+[^\-–—|]{0,60}[\-–—|]\s*/i;
const WEEKDAY =
  /^(?:montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|monday|tuesday|wednesday|thursday|friday|saturday|sunday|mo|di|mi|do|fr|sa|so|mon|tue|wed|thu|fri|sat|sun)\.?,?\s+/i;
/** A trailing clock time, with "Uhr", am/pm or a zone; a dotted time only with "Uhr"/"h" so "16.10.24" stays a date. */
const TIME =
  /[\s,|·\-–—]*(?:(?:um|at)\s+)?(?:\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:uhr|h|am|pm))?|\d{1,2}\.\d{2}\s*(?:uhr|h))(?:\s*\(?(?:mez|mesz|cet|cest|utc|gmt|et|[+-]\d{2}:?\d{2})\)?)?$/i;
/** A line that is only "Uhr" left over once the label is gone ("Erstellt von - Uhr"). */
const TRAILING_UHR = /[\s,\-–—]*uhr$/i;

const NUMERIC_DE = /^\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})$/;
const ISO = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;
/** "7. November 2024", "07. Nov. 2024". */
const DAY_MONTH_DE = /^(\d{1,2})\.\s*(\p{L}{3,9})\.?\s+(\d{4})$/u;
/** "16 October 2024", "16th Oct 2024". */
const DAY_MONTH_EN = /^(\d{1,2})(?:st|nd|rd|th)?\s+(\p{L}{3,9})\.?,?\s+(\d{4})$/u;
/** "December 17, 2024", "Oct. 16, 2024". */
const MONTH_DAY_EN = /^(\p{L}{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/u;

type Attempt = [text: string, pattern: string, locale: Locale];

/**
 * `YYYY-MM-DD` when the whole line is a publication stamp, else null.
 * A line holding two stamps ("Veröffentlicht: … | Aktualisiert: …") gives the first.
 */
export function parsePublished(line: string): string | null {
  const trimmed = line.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LINE || !/\d/.test(trimmed)) return null;
  for (const part of trimmed.split(/\s[|·]\s/)) {
    const date = parseStamp(part.trim());
    if (date) return date;
  }
  return null;
}

function parseStamp(stamp: string): string | null {
  let rest = stamp;
  const label = LABEL.exec(rest);
  if (label) rest = rest.slice(label[0].length).replace(AUTHOR, '');
  rest = rest.replace(WEEKDAY, '').replace(TIME, '').replace(TRAILING_UHR, '').replace(/[\s,]+$/, '');
  for (const [text, pattern, locale] of attemptsFor(rest)) {
    const date = parse(text, pattern, REFERENCE, { locale });
    if (isValid(date) && plausible(date)) return format(date, 'yyyy-MM-dd');
  }
  return null;
}

/** The date-fns patterns worth trying for a date-shaped string; none for anything else. */
function attemptsFor(date: string): Attempt[] {
  if (NUMERIC_DE.test(date)) return [[date, /\.\d{4}$/.test(date) ? 'd.M.yyyy' : 'd.M.yy', de]];
  const iso = ISO.exec(date);
  if (iso) return [[iso[1]!, 'yyyy-MM-dd', de]];
  let m = DAY_MONTH_DE.exec(date);
  if (m) {
    const text = `${m[1]}. ${m[2]} ${m[3]}`;
    return [
      [text, 'd. MMMM yyyy', de],
      [text, 'd. MMM yyyy', de],
    ];
  }
  m = DAY_MONTH_EN.exec(date);
  if (m) {
    const text = `${m[1]} ${englishMonth(m[2]!)} ${m[3]}`;
    return [
      [text, 'd MMMM yyyy', enUS],
      [text, 'd MMM yyyy', enUS],
      [text, 'd MMMM yyyy', de],
    ];
  }
  m = MONTH_DAY_EN.exec(date);
  if (m) {
    const text = `${englishMonth(m[1]!)} ${m[2]} ${m[3]}`;
    return [
      [text, 'MMMM d yyyy', enUS],
      [text, 'MMM d yyyy', enUS],
    ];
  }
  return [];
}

/** date-fns knows "Sep" but not the common "Sept". */
function englishMonth(name: string): string {
  return /^sept$/i.test(name) ? 'Sep' : name;
}

function plausible(date: Date): boolean {
  return date.getFullYear() >= EARLIEST_YEAR && date.getTime() <= Date.now() + CLOCK_SLACK_MS;
}
