/**
 * One tokenisation per sentence, shared by attribution, stance, hedging and entities, so each
 * sentence is scanned once and every later step works on the same small array.
 */
import { charClass, DIGIT, LETTER, quoteSpans, SPACE, UPPER } from '../segment.ts';
import { wordFlags } from './lexicon.ts';

/** Word, number, punctuation, or the opening / closing mark of a quotation that closes in the sentence. */
export type Kind = 'word' | 'num' | 'punct' | 'open' | 'close';

export interface Token {
  text: string;
  lower: string;
  start: number;
  kind: Kind;
  /** Inside a closed quotation (the marks themselves are not). */
  quoted: boolean;
  /** A word starting with a capital letter. */
  cap: boolean;
  /** Lexicon bits of the word (see lexicon.ts); 0 for numbers and marks. */
  flags: number;
}

const WORD = LETTER | DIGIT;
/** Names that start with a lower-case particle count as capitalised: "el-Baradei", "al-Assad". */
const NAME_PREFIX = /^(?:al|el|ad|as|ash|at|az|bin|ibn|abu|ul)-\p{Lu}/u;
/** Local bindings for the per-character loop (imported bindings cost a property read each under tsx). */
const classOf = charClass;
const flagsOf = wordFlags;
/** Joiners inside a word: "Kreml-Chef", "News.de", "3.000", "Jong-un", "AT&T", "O'Neill"; in numbers also "66,56" and "10:05". */
const JOINERS = "-.'’&";

/** A regnal number: "Elisabeth II.", "Benedikt XVI.". */
const REGNAL = /^[IVX]{2,5}$/;
/** The period after a regnal number is the number's when a comma or a lower-case word follows: "Benedikt XVI. sagte". */
const regnalPeriod = (sentence: string, at: number) => sentence[at + 1] === ',' || (sentence[at + 1] === ' ' && /\p{Ll}/u.test(sentence[at + 2] ?? ''));

/**
 * Words with inner hyphens, dots or apostrophes, numbers with separators ("3.000", "66,56"), a
 * truncated compound's hyphen ("Nord- und Südkorea"), or one mark.
 */
export function tokenize(sentence: string): Token[] {
  const spans = quoteSpans(sentence);
  const tokens: Token[] = [];
  const n = sentence.length;
  let span = 0;
  let i = 0;
  while (i < n) {
    const bits = classOf(sentence, i);
    if (bits & SPACE) {
      i++;
      continue;
    }
    const start = i;
    let kind: Kind;
    if (bits & WORD) {
      const numeric = (bits & DIGIT) !== 0;
      i++;
      for (;;) {
        while (i < n && classOf(sentence, i) & WORD) i++;
        const c = sentence[i];
        if (c !== undefined && (JOINERS.includes(c) || (numeric && (c === ',' || c === ':'))) && classOf(sentence, i + 1) & WORD) i++;
        else break;
      }
      if (sentence[i] === '-' && (i + 1 === n || classOf(sentence, i + 1) & SPACE || sentence[i + 1] === ',')) i++;
      else if (sentence[i] === '.' && REGNAL.test(sentence.slice(start, i)) && regnalPeriod(sentence, i)) i++;
      kind = numeric ? 'num' : 'word';
    } else {
      i++;
      kind = 'punct';
    }
    const text = sentence.slice(start, i);
    while (span < spans.length && spans[span + 1]! < start) span += 2;
    const open = spans[span];
    const close = spans[span + 1];
    let quoted = false;
    if (start === open) kind = 'open';
    else if (start === close) kind = 'close';
    else quoted = open !== undefined && open < start && start < close!;
    const lower = text.toLowerCase();
    const cap = kind === 'word' && ((bits & UPPER) !== 0 || NAME_PREFIX.test(text));
    tokens.push({ text, lower, start, kind, quoted, cap, flags: kind === 'word' ? flagsOf(lower) : 0 });
  }
  return tokens;
}
