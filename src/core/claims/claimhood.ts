/**
 * Whether a sentence asserts something a reader could check. Questions, headings, fragments, lines
 * addressed to the reader ("Hier finden Sie …") and connective fluff ("Und:") are not claims.
 */
import { saxonGenitive } from './phrases.ts';
import type { Token } from './tokens.ts';
import { ADVERBS, AUXILIARIES, CONJUNCTIONS, DETERMINERS, POSSESSIVES, PREPOSITIONS, PRONOUNS, SUBORDINATORS } from './words.ts';

/** Fewer words than this is a fragment ("Und:", "Warum?"). */
const MIN_WORDS = 4;
/** A single-sentence paragraph without a full stop is a heading only while it is heading-sized. */
const MAX_HEADING = 200;

const READER = new Set(['Sie', 'Ihnen', 'Ihr', 'Ihre', 'Ihren', 'Ihrem', 'Ihrer', 'du', 'dich', 'dir', 'dein', 'deine', 'deinen', 'euch', 'euer']);
const TRAILING = '"“”»«\'’)] ';

/** Words that are never the finite verb. */
const NOT_VERBS = new Set([...DETERMINERS, ...POSSESSIVES, ...PREPOSITIONS, ...PRONOUNS, ...SUBORDINATORS, ...CONJUNCTIONS, ...ADVERBS, 'nicht', 'zumindest', 'unten', 'oben', 'meist', 'rund', 'zweimal', 'dreimal']);
/** Before an attributive adjective: "in der russischen Grenzregion", "um die brutalen Gefechte"; "zufolge" follows its noun, so the verb comes next. */
const BEFORE_ADJECTIVE = new Set([...DETERMINERS, ...POSSESSIVES, ...PREPOSITIONS].filter((w) => w !== 'zufolge'));

/** Sentence openers that are pronouns when a verb follows: "Das berichtete Wired", "Beide tragen …". */
const DEMONSTRATIVE_OPENERS = new Set(['das', 'dies', 'dieser', 'diese', 'dieses', 'beide', 'alle', 'viele', 'einige']);

const isContentWord = (t: Token | undefined) => t !== undefined && t.kind === 'word' && !t.cap && !NOT_VERBS.has(t.lower);

/**
 * Whether some word may be the finite verb. Without a tagger this is the converse: a fragment
 * ("Zumindest in der russischen Grenzregion Kursk.", "Rund um die brutalen Gefechte im
 * Ukraine-Krieg.") has no lower-case content word except adjectives between an article or
 * preposition and their noun. Auxiliaries count even after an article ("Das ist …").
 */
const hasFiniteVerb = (tokens: Token[]): boolean => finiteVerbIn(tokens, 0, tokens.length) >= 0;

/** Index of the first word in [from, end) that may be the finite verb (see `hasFiniteVerb`), or -1. */
export function finiteVerbIn(tokens: Token[], from: number, end: number): number {
  let afterArticle = false;
  for (let i = from; i < end; i++) {
    const t = tokens[i]!;
    if (AUXILIARIES.has(t.lower)) return i;
    if (isContentWord(t)) {
      const next = tokens[i + 1];
      const attributive = afterArticle && !(i === 1 && DEMONSTRATIVE_OPENERS.has(tokens[0]!.lower)) && next !== undefined && ((next.kind === 'word' && next.cap) || isContentWord(next));
      if (!attributive) return i;
      continue;
    }
    afterArticle = BEFORE_ADJECTIVE.has(t.lower) || saxonGenitive(tokens, i);
  }
  return -1;
}

/**
 * `alone` says the sentence is its paragraph's only one; a heading is such a line without final
 * punctuation, while a body sentence that merely lost its full stop is still a claim.
 */
export function isClaim(text: string, tokens: Token[], alone: boolean): boolean {
  let words = 0;
  for (const t of tokens) if (t.kind === 'word' || t.kind === 'num') words++;
  if (words < MIN_WORDS) return false;
  let last = text.length - 1;
  while (last > 0 && TRAILING.includes(text[last]!)) last--;
  const end = text[last];
  if (end === '?' || end === ':') return false;
  if (alone && end !== '.' && end !== '!' && end !== '…' && text.length <= MAX_HEADING) return false;
  if (!hasFiniteVerb(tokens)) return false;
  for (let i = 1; i < tokens.length; i++) {
    const t = tokens[i]!;
    const prev = tokens[i - 1]!;
    if (!t.quoted && READER.has(t.text) && prev.text !== ':' && prev.kind !== 'open') return false;
  }
  return true;
}
