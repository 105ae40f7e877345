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

type Kind = 'letter' | 'digit' | 'mark' | 'other';

function kindOf(ch: string, code: number): Kind {
  if (code < 128) {
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 'letter';
    if (code >= 48 && code <= 57) return 'digit';
    return 'other';
  }
  if (MARK.test(ch)) return 'mark';
  if (LETTER.test(ch)) return 'letter';
  if (DIGIT.test(ch)) return 'digit';
  return 'other';
}

/** Separators inside a number that group thousands: "3.000", "3,000", "3 000" (narrow/no-break space). */
function isThousandsSeparator(code: number): boolean {
  return code === 46 || code === 44 || code === 0xa0 || code === 0x202f || code === 0x2009;
}

function isAsciiDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}

/**
 * Splits text into folded words. Letters and digits form words; marks are dropped without
 * splitting (NFKD "ü" is "u" + mark); everything else separates, so "Kim Jong-un" gives
 * kim, jong, un. A digit group followed by a thousands separator and exactly three digits
 * continues the number ("3.000" → 3000). Single letters are dropped ("Putin's" → putin).
 * One left-to-right pass, no backtracking.
 */
export function tokenize(text: string): Token[] {
  const s = text.normalize('NFKD');
  const out: Token[] = [];
  let word = '';
  let letters = 0;
  let upper = 0;
  let initialUpper = false;
  let digitsOnly = true;

  const flush = () => {
    if (word.length > 0 && word.length <= MAX_WORD_LENGTH && !(letters === 1 && word.length === 1)) {
      const lower = word.toLowerCase();
      out.push({
        word: lower.includes('ß') ? lower.replaceAll('ß', 'ss') : lower,
        capitalized: initialUpper,
        acronym: letters >= 2 && upper === letters,
      });
    }
    word = '';
    letters = 0;
    upper = 0;
    initialUpper = false;
    digitsOnly = true;
  };

  for (let i = 0; i < s.length; ) {
    const code = s.codePointAt(i)!;
    const ch = code < 128 ? s[i]! : String.fromCodePoint(code);
    const width = ch.length;
    const kind = kindOf(ch, code);
    if (kind === 'letter') {
      const isUpper = code < 128 ? code <= 90 : ch !== ch.toLowerCase();
      if (isUpper) {
        upper++;
        if (word.length === 0) initialUpper = true;
      }
      word += ch;
      letters++;
      digitsOnly = false;
    } else if (kind === 'digit') {
      word += ch;
    } else if (kind === 'other') {
      if (
        digitsOnly &&
        word.length > 0 &&
        isThousandsSeparator(code) &&
        isAsciiDigit(s.charCodeAt(i + 1)) &&
        isAsciiDigit(s.charCodeAt(i + 2)) &&
        isAsciiDigit(s.charCodeAt(i + 3)) &&
        !isAsciiDigit(s.charCodeAt(i + 4))
      ) {
        i += width;
        continue;
      }
      flush();
    }
    i += width;
  }
  flush();
  return out;
}

/** The folded words of `text` joined by single spaces: "Kim Jong-un, Straße" → "kim jong un strasse". */
export function foldText(text: string): string {
  return tokenize(text)
    .map((t) => t.word)
    .join(' ');
}
