/**
 * Claims of one article: every body sentence that asserts something checkable, with the chain of
 * sources behind it, its stance, whether the writer hedges it, and its entities. Sentences are
 * read in order because attribution crosses sentence borders: "Dies berichtet X" attributes the
 * sentence before, Konjunktiv I sentences continue the last speaker's reported speech, and "er"
 * is the person named just before.
 */
import { splitSentences } from '../segment.ts';
import type { CleanArticle, ExtractedClaim } from '../types.ts';
import { attribute } from './attribution.ts';
import { isClaim } from './claimhood.ts';
import { EntityTracker } from './entities.ts';
import { reportedMoodAt } from './mood.ts';
import { isDenial, isHedged } from './signals.ts';
import { tokenize, type Token } from './tokens.ts';

/** How many sentences back a pronoun may find its person. */
const PRONOUN_REACH = 3;

interface Person {
  name: string;
  gender: 'm' | 'f' | null;
}

/** Adverbs that point back to the last source: "Demnach erwartet Russland, …". */
const REFERS_TO_SOURCE = new Set(['demnach', 'demzufolge']);

/** Modal "sollen" with a perfect infinitive reports a claim: "Etwa 30 Menschen sollen verletzt worden sein". */
function reportiveSollen(tokens: Token[], at: number): boolean {
  let last = tokens.length - 1;
  while (last > at && tokens[last]!.kind !== 'word') last--;
  const final = tokens[last]!.lower;
  return last > at + 1 && (final === 'sein' || final === 'haben') && !tokens[last]!.quoted;
}

/** Reported speech that continues a speaker: Konjunktiv I or II outside quotations, or a sentence that is one quotation. */
function continuesSpeech(tokens: Token[]): boolean {
  if (tokens[0]?.kind === 'open') {
    let last = tokens.length - 1;
    while (last > 0 && tokens[last]!.kind === 'punct') last--;
    if (tokens[last]?.kind === 'close') return true;
  }
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted) continue;
    if (reportedMoodAt(tokens, i, false)) return true;
    if (REFERS_TO_SOURCE.has(t.lower)) return true;
    if ((t.lower === 'soll' || t.lower === 'sollen') && reportiveSollen(tokens, i)) return true;
  }
  return false;
}

/**
 * The person a subject pronoun means: the nearest earlier sentence naming people of that gender
 * decides, and only when it names one of them or one of them is the last speaker.
 */
function resolvePronoun(pronoun: 'er' | 'sie', recent: Person[][], lastSpeaker: string | undefined): string | null {
  const wanted = pronoun === 'er' ? 'm' : 'f';
  for (let k = recent.length - 1; k >= 0; k--) {
    const candidates = recent[k]!.filter((p) => p.gender === wanted || p.gender === null);
    if (candidates.length === 1) return candidates[0]!.name;
    if (candidates.length > 1) return candidates.find((p) => p.name === lastSpeaker)?.name ?? null;
  }
  return null;
}

const merge = (outer: readonly string[], inner: readonly string[]) => [...outer, ...inner.filter((s) => !outer.includes(s))];

export function extractClaims(article: CleanArticle): ExtractedClaim[] {
  const claims: ExtractedClaim[] = [];
  const entities = new EntityTracker();
  const recent: Person[][] = [];
  /** Sources of the last attributed sentence while its reported speech goes on, and where it was. */
  let speech: string[] | null = null;
  let speechParagraph = -1;
  /** The last claim and whether it ends its paragraph's run of sentences (for "Dies berichtet X"). */
  let previous: ExtractedClaim | null = null;
  let previousParagraph = -1;

  article.paragraphs.forEach((paragraph, p) => {
    const sentences = splitSentences(paragraph);
    sentences.forEach((text, s) => {
      const tokens = tokenize(text);
      const attribution = attribute(tokens, article.language);
      let sources = attribution ? attribution.sources : [];
      if (attribution?.pronoun) {
        const who = resolvePronoun(attribution.pronoun, recent, speech?.[speech.length - 1]);
        // Only a pronoun that picks up the speaker still talking in this paragraph is safe to name.
        if (who && speechParagraph === p && speech?.includes(who)) sources = [...sources.slice(0, attribution.pronounAt), who, ...sources.slice(attribution.pronounAt)];
      }
      const found = entities.extract(tokens, sources);
      recent.push(found.people.map((q) => ({ name: q.name, gender: q.gender })));
      if (recent.length > PRONOUN_REACH) recent.shift();

      if (attribution?.backward && sources.length) {
        if (previous && (previousParagraph === p || (s === 0 && previousParagraph === p - 1))) previous.sources = merge(sources, previous.sources);
        speech = sources;
        speechParagraph = p;
        if (attribution.onlyAttributes) return;
      }
      if (sources.length) {
        speech = sources;
        speechParagraph = p;
      } else if (speech && (speechParagraph === p || (s === 0 && speechParagraph === p - 1)) && continuesSpeech(tokens)) {
        sources = speech;
        speechParagraph = p;
      } else if (attribution?.pending.length) {
        speech = attribution.pending;
        speechParagraph = p;
      } else speech = null;

      if (!isClaim(text, tokens, sentences.length === 1)) return;
      const claim: ExtractedClaim = {
        text,
        paragraph: p + 1,
        sources: [...sources],
        stance: isDenial(tokens) ? 'deny' : 'assert',
        hedged: isHedged(tokens),
        entities: found.entities,
      };
      claims.push(claim);
      previous = claim;
      previousParagraph = p;
    });
  });
  return claims;
}
