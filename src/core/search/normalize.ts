/**
 * Folding and tokenisation shared by indexing, querying and the lexicon build, so that all three
 * agree on what a word is.
 *
 * Folding scheme (one, used everywhere): NFKD, combining marks dropped, lower case, ß → ss.
 * So ä → a, ö → o, ü → u, é → e. Spelled-out umlauts ("ae", "oe", "ue") are NOT mapped: "ue" is
 * ordinary in German ("neue", "Steuer", "Bauer"), and mapping it would merge unrelated words.
 * FTS5's unicode61 tokenizer with remove_diacritics 2 does the same folding except ß, which it keeps.
 */

export interface Token {
  /** Folded word: lower case letters and digits only. */
  word: string;
  /** Starts with a capital letter: a noun or a name in German text. */
  capitalized: boolean;
  /** Written all in capitals with two or more letters ("US", "NATO"): never treated as a stop word. */
  acronym: boolean;
}

/** Longer runs are not words (URLs, hashes, hostile input) and would make compound splitting costly. */
const MAX_WORD_LENGTH = 48;

const MARK = /\p{M}/u;
const LETTER = /\p{L}/u;
const DIGIT = /\p{Nd}/u;

const OTHER = 1;
const LOWER_LETTER = 2;
const UPPER_LETTER = 3;
const DIGIT_KIND = 4;
const MARK_KIND = 5;

/** Kinds of the Basic Multilingual Plane's characters, looked up once each (0: not yet). */
const bmpKinds = new Uint8Array(0x10000);

function computeKind(ch: string): number {
  if (MARK.test(ch)) return MARK_KIND;
  if (LETTER.test(ch)) return ch !== ch.toLowerCase() ? UPPER_LETTER : LOWER_LETTER;
  return DIGIT.test(ch) ? DIGIT_KIND : OTHER;
}

function kindOf(code: number): number {
  if (code < 128) {
    if (code >= 97 && code <= 122) return LOWER_LETTER;
    if (code >= 65 && code <= 90) return UPPER_LETTER;
    return code >= 48 && code <= 57 ? DIGIT_KIND : OTHER;
  }
  if (code > 0xffff) return computeKind(String.fromCodePoint(code));
  const kind = bmpKinds[code]!;
  return kind === 0 ? (bmpKinds[code] = computeKind(String.fromCharCode(code))) : kind;
}

/** Separators inside a number that group thousands: "3.000", "3,000", "3 000" (narrow/no-break space). */
function isThousandsSeparator(code: number): boolean {
  return code === 46 || code === 44 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/** A separator that continues the number before it: a thousands separator and exactly three digits. */
function continuesNumber(s: string, i: number, code: number): boolean {
  return (
    isThousandsSeparator(code) &&
    isAsciiDigit(s.charCodeAt(i + 1)) &&
    isAsciiDigit(s.charCodeAt(i + 2)) &&
    isAsciiDigit(s.charCodeAt(i + 3)) &&
    !isAsciiDigit(s.charCodeAt(i + 4))
  );
}

function folded(word: string): string {
  const lower = word.toLowerCase();
  return lower.includes('ß') ? lower.replaceAll('ß', 'ss') : lower;
}

/**
 * Splits text into folded words. Letters and digits form words; marks are dropped without
 * splitting (NFKD "ü" is "u" + mark); everything else separates, so "Kim Jong-un" gives
 * kim, jong, un. A digit group followed by a thousands separator and exactly three digits
 * continues the number ("3.000" → 3000). Single letters are dropped ("Putin's" → putin).
 * One left-to-right pass, no backtracking; words are sliced out of the text, not built up a
 * character at a time.
 */
export function tokenize(text: string): Token[] {
  const s = text.normalize('NFKD');
  const out: Token[] = [];
  let i = 0;
  while (i < s.length) {
    // Between words: skip to the next letter or digit.
    let code = s.codePointAt(i)!;
    let kind = kindOf(code);
    if (kind === OTHER || kind === MARK_KIND) {
      i += code > 0xffff ? 2 : 1;
      continue;
    }
    /** The word's characters before its current run, when a mark or separator was left out. */
    let earlier = '';
    let runStart = i;
    let length = 0;
    let letters = 0;
    let upper = 0;
    const initialUpper = kind === UPPER_LETTER;
    for (;;) {
      const width = code > 0xffff ? 2 : 1;
      if (kind === LOWER_LETTER || kind === UPPER_LETTER) {
        letters++;
        if (kind === UPPER_LETTER) upper++;
        length += width;
      } else if (kind === DIGIT_KIND) {
        length += width;
      } else if (kind === MARK_KIND || (letters === 0 && continuesNumber(s, i, code))) {
        earlier += s.slice(runStart, i);
        runStart = i + width;
      } else {
        break;
      }
      i += width;
      if (i >= s.length) break;
      code = s.codePointAt(i)!;
      kind = kindOf(code);
    }
    if (length <= MAX_WORD_LENGTH && !(letters === 1 && length === 1)) {
      out.push({ word: folded(earlier + s.slice(runStart, i)), capitalized: initialUpper, acronym: letters >= 2 && upper === letters });
    }
  }
  return out;
}

/** The folded words of `text` joined by single spaces: "Kim Jong-un, Straße" → "kim jong un strasse". */
export function foldText(text: string): string {
  return tokenize(text)
    .map((t) => t.word)
    .join(' ');
}
