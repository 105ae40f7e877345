/**
 * German-aware sentence splitting for one paragraph. One left-to-right pass visits only the
 * characters that can end a sentence, with constant look-around at each, so the cost is linear;
 * Intl.Segmenter is not used because it is superlinear on long inputs and splits after ordinals
 * ("Die 11. Luftlandebrigade").
 */

/** A sentence longer than this is cut at a safe point, so one runaway paragraph stays bounded. */
const MAX_SENTENCE = 2000;
/** A quotation that does not close within this many characters is treated as unquoted text. */
const MAX_QUOTE = 1500;

// ---- character classes: one table read per character instead of a Unicode regex ----

export const LOWER = 1;
export const UPPER = 2;
export const LETTER = 4;
export const DIGIT = 8;
export const SPACE = 16;
const UNKNOWN = 255;
const classes = new Uint8Array(0x10000).fill(UNKNOWN);

function classify(code: number): number {
  const ch = String.fromCharCode(code);
  let bits = 0;
  if (code >= 48 && code <= 57) bits = DIGIT;
  else if (/\p{Ll}/u.test(ch)) bits = LOWER | LETTER;
  else if (/\p{Lu}|\p{Lt}/u.test(ch)) bits = UPPER | LETTER;
  else if (/\p{L}/u.test(ch)) bits = LETTER;
  else if (/\s/u.test(ch)) bits = SPACE;
  classes[code] = bits;
  return bits;
}

/** Class bits of the code unit at `i` (0 past the end); each code unit is classified once per process. */
export function charClass(text: string, i: number): number {
  const code = text.charCodeAt(i);
  if (code !== code) return 0;
  const bits = classes[code]!;
  return bits === UNKNOWN ? classify(code) : bits;
}

const isLetter = (text: string, i: number) => (charClass(text, i) & LETTER) !== 0;
const isUpper = (text: string, i: number) => (charClass(text, i) & UPPER) !== 0;
const isLower = (text: string, i: number) => (charClass(text, i) & LOWER) !== 0;
const isDigit = (text: string, i: number) => (charClass(text, i) & DIGIT) !== 0;
const isSpace = (text: string, i: number) => (charClass(text, i) & SPACE) !== 0;

// ---- vocabulary ----

/** Abbreviations whose full stop does not end the sentence (matched case-sensitively). */
const ABBREVIATIONS = new Set(
  (
    'Dr Prof Nr Nrn St Hr Hrn Fr Frl Mag Ing Dipl Univ Doz Abg Bgm Lt Sgt Col Capt Mr Mrs Ms Jr Sr Inc Ltd Co Corp ' +
    'Hrsg Jh Jhd Str Tel Abt Bzw Ca Vgl Ggf Evtl Inkl Zit Verf Anm Nachf ' +
    'bzw ca usw etc vgl ggf evtl inkl exkl bspw insb sog ua uä od jun sen geb gest verh Std Min Sek Mio Mrd Tsd ' +
    'Jan Feb Mär Apr Jun Jul Aug Sep Sept Okt Nov Dez Mo Di Mi Do Sa So ' +
    'li re lt gem zzgl abzgl ff Chr vs Bsp Ausg Aufl ehem Ggs Verw Bhf'
  ).split(' '),
);

/** Abbreviations that are also ordinary words ("auf diese Art."), so only before a number ("Art. 51"). */
const NUMBER_ABBREVIATIONS = new Set('Art Abs Bd Kap Ziff Reg Gen'.split(' '));

/** "u.a", "z.B", "i.d.R", "U.S" — but not a domain such as "news.de". */
const DOTTED_ABBREVIATION = /^(?:\p{L}{1,2}\.)+\p{L}{1,3}$/u;
const ROMAN = /^[IVX]{1,5}$/;
const SMALL_NUMBER = /^\d{1,3}$/;

/** Words that open a sentence; a number followed by one of these ended the previous sentence. */
const SENTENCE_STARTERS = new Set(
  (
    'der die das den dem des ein eine einer eines einem einen er sie es ich wir ihr man dies diese dieser dieses ' +
    'damit dabei dafür dazu danach davor daher darauf deshalb deswegen doch aber und oder denn so auch noch nun ' +
    'jetzt dann da dort hier heute gestern morgen zudem zugleich außerdem allerdings jedoch trotzdem inzwischen ' +
    'bereits schon erst nur im in am an auf aus bei mit nach seit von vor zu zum zur für gegen über unter wie ' +
    'was wer wo wann warum als wenn weil ob dass sein seine ihre unser kein keine mehr laut'
  ).split(' '),
);

const MONTHS = new Set(
  'januar jänner februar feber märz april mai juni juli august september oktober november dezember jan feb mär apr jun jul aug sep sept okt nov dez'.split(
    ' ',
  ),
);

const TRAILING_CLOSERS = ')]"“”»«\'’';
const OPENERS_AT_START = '„"“»«(‚[•–';
const HAS_QUOTE = /["„“”»«]/;

/**
 * Spans [open, close] (flat pairs) of quotations that close within the text. German „…“ (closed by
 * “, ” or a straight "), English “…”, »…« and «…», and straight "…" are recognised; an opener of
 * the same kind inside an unclosed quotation restarts it, since German does not nest „ in „.
 */
export function quoteSpans(text: string): number[] {
  const spans: number[] = [];
  if (!HAS_QUOTE.test(text)) return spans;
  let open = -1;
  let closers = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c !== '„' && c !== '“' && c !== '”' && c !== '"' && c !== '»' && c !== '«') continue;
    if (open >= 0) {
      if (i - open > MAX_QUOTE) open = -1;
      else if (closers.includes(c) && !(c === '"' && i === open + 1)) {
        spans.push(open, i);
        open = -1;
        continue;
      } else if (c !== '„' && c !== '»' && c !== '«') continue;
    }
    if (c === '„') (open = i), (closers = '“”"');
    else if (c === '»') (open = i), (closers = '«');
    else if (c === '«') (open = i), (closers = '»');
    else if (c === '“') (open = i), (closers = '”“');
    else if (c === '"' && i + 1 < text.length && !isSpace(text, i + 1) && (i === 0 || isSpace(text, i - 1) || '([/:–-'.includes(text[i - 1]!)))
      (open = i), (closers = '"“”');
  }
  return spans;
}

/** The word right before position `end` (exclusive), including inner dots: "z.B", "u.a", "11", "News". */
function wordBefore(text: string, end: number): string {
  let start = end;
  while (start > 0 && end - start < 40 && (isLetter(text, start - 1) || isDigit(text, start - 1) || text[start - 1] === '.' || text[start - 1] === '-')) start--;
  return text.slice(start, end);
}

/** The word starting at `start`: letters, digits and hyphens. */
function wordAt(text: string, start: number): string {
  let end = start;
  while (end < text.length && end - start < 40 && (isLetter(text, end) || isDigit(text, end) || text[end] === '-')) end++;
  return text.slice(start, end);
}

/** Whether the full stop at `dot` belongs to the word before it rather than ending a sentence. */
function dotIsPartOfWord(text: string, dot: number, nextStart: number): boolean {
  const bare = wordBefore(text, dot).replace(/^[.-]+/, '');
  if (!bare) return false;
  if (ABBREVIATIONS.has(bare)) return true;
  if (bare.length === 1 && isLetter(bare, 0)) return true;
  if (DOTTED_ABBREVIATION.test(bare) || ROMAN.test(bare)) return true;
  if (NUMBER_ABBREVIATIONS.has(bare) && isDigit(text, nextStart)) return true;
  if (SMALL_NUMBER.test(bare)) {
    const next = wordAt(text, nextStart).toLowerCase();
    return MONTHS.has(next) || (next !== '' && isLetter(next, 0) && !SENTENCE_STARTERS.has(next));
  }
  return false;
}

/** Whether a sentence may start at `k`: a capital, a digit, or an opening quote, bracket or bullet. */
const canStart = (text: string, k: number) => isUpper(text, k) || isDigit(text, k) || OPENERS_AT_START.includes(text[k] ?? 'x');

/**
 * A glued boundary such as "entsenden.Die" or "Pjöngjang:Nach": a lower-case word of two or more
 * letters, the mark, then a capitalised word that is not a domain ("News.de", "Spiegel.De").
 */
function gluedBoundary(text: string, at: number): boolean {
  if (!isLower(text, at - 1) || !isLetter(text, at - 2) || !isUpper(text, at + 1) || !isLower(text, at + 2)) return false;
  const before = wordBefore(text, at);
  if (before.includes('.') || (text[at] === '.' && ABBREVIATIONS.has(before))) return false;
  const after = at + 1 + wordAt(text, at + 1).length;
  return !(text[after] === '.' && isLower(text, after + 1));
}

/** Cuts an over-long sentence at the last "; ", ", " or space before the limit. */
function capLength(sentence: string, out: string[]): void {
  let rest = sentence;
  while (rest.length > MAX_SENTENCE) {
    const window = rest.slice(0, MAX_SENTENCE);
    let cut = window.lastIndexOf('; ');
    if (cut < MAX_SENTENCE / 2) cut = window.lastIndexOf(', ');
    if (cut < MAX_SENTENCE / 2) cut = window.lastIndexOf(' ');
    if (cut <= 0) cut = MAX_SENTENCE - 1;
    out.push(rest.slice(0, cut + 1).trim());
    rest = rest.slice(cut + 1).trimStart();
  }
  if (rest) out.push(rest);
}

const BULLET = /^(?:[•▪·►]\s*|[-–*]\s+)/;
const MESSY_SPACE = /\s{2,}|[\t\n\r\u00a0]/;

function push(text: string, start: number, end: number, out: string[]): void {
  let sentence = text.slice(start, end).trim();
  if (!sentence) return;
  if (BULLET.test(sentence)) sentence = sentence.replace(BULLET, '');
  if (MESSY_SPACE.test(sentence)) sentence = sentence.replace(/\s+/g, ' ');
  if (sentence) capLength(sentence, out);
}

/** Characters at which a sentence may end; everything else is skipped by one regex jump. */
const CANDIDATE = /[.!?…:\n“”"»«]/g;

/**
 * Splits a paragraph into sentences. A quotation that closes in the paragraph is never split, and
 * its attribution stays with it („…“, sagte X.); a line break ends a sentence unless the next line
 * continues in lower case.
 */
export function splitSentences(paragraph: string): string[] {
  const text = paragraph;
  const out: string[] = [];
  const spans = quoteSpans(text);
  let span = 0;
  let start = 0;
  const candidate = new RegExp(CANDIDATE.source, 'g');
  for (let m = candidate.exec(text); m; m = candidate.exec(text)) {
    const i = m.index;
    while (span < spans.length && spans[span + 1]! < i) span += 2;
    if (span < spans.length && spans[span]! < i && i < spans[span + 1]!) {
      candidate.lastIndex = spans[span + 1]!;
      continue;
    }
    const c = text[i]!;
    const closesQuote = span < spans.length && i === spans[span + 1];
    if (c === '\n') {
      let k = i + 1;
      while (k < text.length && isSpace(text, k)) k++;
      let p = i - 1;
      while (p >= start && isSpace(text, p)) p--;
      if (k < text.length && p >= start && !isLower(text, k) && !',;(–-'.includes(text[p]!)) {
        push(text, start, i, out);
        start = i + 1;
      }
      continue;
    }
    if (closesQuote) {
      const last = text[i - 1];
      if (last !== '.' && last !== '!' && last !== '?' && last !== '…') continue;
    } else if (c === ':') {
      if (gluedBoundary(text, i)) {
        push(text, start, i + 1, out);
        start = i + 1;
      }
      continue;
    } else if (c !== '.' && c !== '!' && c !== '?' && c !== '…') continue;

    const nextOpen = closesQuote ? spans[span + 2] : spans[span];
    let j = i + 1;
    while (j < text.length && (text[j] === '.' || text[j] === '…' || text[j] === '!' || text[j] === '?')) j++;
    while (j < text.length && j !== nextOpen && TRAILING_CLOSERS.includes(text[j]!)) j++;
    let k = j;
    while (k < text.length && isSpace(text, k)) k++;
    if (k === text.length) continue;
    if (k === j) {
      if (!closesQuote && c !== '…' && j === i + 1 && gluedBoundary(text, i)) {
        push(text, start, j, out);
        start = j;
      }
      continue;
    }
    if (!canStart(text, k)) continue;
    if (c === '.' && !closesQuote && j === i + 1 && dotIsPartOfWord(text, i, k)) continue;
    push(text, start, j, out);
    start = k;
    candidate.lastIndex = k;
  }
  push(text, start, text.length, out);
  return out;
}
