/**
 * Identity of a claim across articles. The exact key catches an agency text run twice; MinHash
 * bands over the sentence's words find near-duplicates ("two reports of one event in nearly the
 * same words") with an index look-up instead of a comparison against every stored claim.
 */
import { hash } from 'node:crypto';

const BANDS = 4;
const ROWS = 3;
const PERMUTATIONS = BANDS * ROWS;
/** Below this Jaccard similarity of their word sets, two sentences are different claims. */
export const NEAR_DUPLICATE_SIMILARITY = 0.7;
/** Shorter sentences are only merged when identical: a few shared words say little. */
const MIN_WORDS_FOR_NEAR_DUPLICATE = 6;

const NON_ASCII = /[^\x00-\x7f]/;
const MARKS = /\p{M}/gu;
const WORD_CHAR = /^[\p{L}\p{N}]$/u;
/** Whether each character of the Basic Multilingual Plane is a letter or number: 1 no, 2 yes, 0 not looked up yet. */
const bmpWordChars = new Uint8Array(0x10000);

/** Letters and numbers of any script, as `\p{L}` and `\p{N}` say. */
function isWordCode(code: number): boolean {
  if (code < 128) return (code >= 97 && code <= 122) || (code >= 48 && code <= 57) || (code >= 65 && code <= 90);
  if (code > 0xffff) return WORD_CHAR.test(String.fromCodePoint(code));
  if (bmpWordChars[code] === 0) bmpWordChars[code] = WORD_CHAR.test(String.fromCharCode(code)) ? 2 : 1;
  return bmpWordChars[code] === 2;
}

const isAsciiDigit = (code: number) => code >= 48 && code <= 57;
const isAsciiWordCode = (code: number) => isAsciiDigit(code) || (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || code === 95;

/** A thousands separator: after a digit, before exactly three ("3.000", "3,000", "3'000", "3 000"). */
function joinsFigure(text: string, at: number): boolean {
  const code = text.charCodeAt(at);
  return (
    (code === 46 || code === 44 || code === 39 || code === 0x2019 || code === 32) &&
    isAsciiDigit(text.charCodeAt(at - 1)) &&
    isAsciiDigit(text.charCodeAt(at + 1)) &&
    isAsciiDigit(text.charCodeAt(at + 2)) &&
    isAsciiDigit(text.charCodeAt(at + 3)) &&
    !isAsciiWordCode(text.charCodeAt(at + 4))
  );
}

/**
 * Lower-case words without diacritics, `ß` as `ss`, digits of a figure joined ("3.000" → "3000").
 * Words are read in one pass and sliced out: it runs on every claim ingested.
 */
export function claimWords(text: string): string[] {
  let folded = text.normalize('NFKD');
  if (NON_ASCII.test(folded)) folded = folded.replace(MARKS, '');
  folded = folded.toLowerCase();
  if (folded.includes('ß')) folded = folded.replaceAll('ß', 'ss');
  const words: string[] = [];
  /** Start of the word's current run, or -1 between words; `joined` holds its runs before a separator. */
  let start = -1;
  let joined = '';
  for (let i = 0; i < folded.length; ) {
    const code = folded.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    if (isWordCode(code)) {
      if (start < 0) start = i;
    } else if (start >= 0 && joinsFigure(folded, i)) {
      joined += folded.slice(start, i);
      start = i + 1;
    } else if (start >= 0) {
      words.push(joined + folded.slice(start, i));
      start = -1;
      joined = '';
    }
    i += width;
  }
  if (start >= 0) words.push(joined + folded.slice(start));
  return words;
}

/**
 * The exact key of a claim and its signature words, from one pass over its words. One-shot
 * `hash`: a Hash object per claim cost a third of the fingerprint on the ingest's main thread.
 */
export function fingerprintOf(text: string): { exactKey: string; words: Set<string> } {
  const words = claimWords(text);
  return { exactKey: hash('sha1', words.join(' ')), words: signature(words) };
}

/** The words that decide similarity: content words and every figure. */
export function signatureWords(text: string): Set<string> {
  return signature(claimWords(text));
}

function signature(words: string[]): Set<string> {
  const out = new Set<string>();
  for (const w of words) if (w.length >= 4 || (w.charCodeAt(0) >= 48 && w.charCodeAt(0) <= 57)) out.add(w);
  return out;
}

function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

const SEED_A = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => fnv1a(`a${i}`) | 1);
const SEED_B = Uint32Array.from({ length: PERMUTATIONS }, (_, i) => fnv1a(`b${i}`));

/** Band keys (signed 32-bit, band number mixed in); empty when the sentence is too short to compare. */
export function nearDuplicateBands(words: Set<string>): number[] {
  if (words.size < MIN_WORDS_FOR_NEAR_DUPLICATE) return [];
  const mins = new Uint32Array(PERMUTATIONS).fill(0xffffffff);
  for (const w of words) {
    const h = fnv1a(w);
    for (let i = 0; i < PERMUTATIONS; i++) {
      const v = (Math.imul(h, SEED_A[i]!) + SEED_B[i]!) >>> 0;
      if (v < mins[i]!) mins[i] = v;
    }
  }
  // Each band hashes its rows' minima together with the band number, FNV-style, without building strings.
  const bands: number[] = [];
  for (let band = 0; band < BANDS; band++) {
    let h = Math.imul(0x811c9dc5 ^ band, 0x01000193);
    for (let row = band * ROWS; row < band * ROWS + ROWS; row++) h = Math.imul(h ^ mins[row]!, 0x01000193);
    bands.push(h | 0);
  }
  return bands;
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  let shared = 0;
  for (const w of a) if (b.has(w)) shared++;
  return shared / (a.size + b.size - shared || 1);
}

/** Figures must agree: "18 soldiers fled" and "20 soldiers fled" are conflicting claims, not one. */
export function sameFigures(a: Set<string>, b: Set<string>): boolean {
  const figures = (s: Set<string>) => [...s].filter((w) => /^\d/.test(w)).sort().join(' ');
  return figures(a) === figures(b);
}

export function isNearDuplicate(a: Set<string>, b: Set<string>): boolean {
  return a.size >= MIN_WORDS_FOR_NEAR_DUPLICATE && sameFigures(a, b) && jaccard(a, b) >= NEAR_DUPLICATE_SIMILARITY;
}
