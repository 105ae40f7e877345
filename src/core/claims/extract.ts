/**
 * Claims of one article: every body sentence that asserts something checkable, with the chain of
 * sources behind it, its stance, whether the writer hedges it, and its entities. Sentences are
 * read in order because attribution crosses sentence borders: "Dies berichtet X" attributes the
 * sentence before, Konjunktiv I sentences continue a recent speaker's reported speech, and "er"
 * is the person named just before. The rules propose who may be speaking (the sentence's own
 * attribution, or a recent speaker going on); the attribution model keeps the likeliest proposal
 * only when it is sure enough, so a doubtful source is left out rather than shown.
 */
import { splitSentences } from '../segment.ts';
import type { CleanArticle, ExtractedClaim } from '../types.ts';
import { type Attribution, attribute } from './attribution.ts';
import { isClaim } from './claimhood.ts';
import { EntityTracker } from './entities.ts';
import { type AttributionModel, type Candidate, defaultModel } from './model.ts';
import { hypotheticalMoodAt, reportedMoodAt } from './mood.ts';
import { clauseEnd } from './phrases.ts';
import { isDenial, isHedged } from './signals.ts';
import { tokenize, type Token } from './tokens.ts';
import { SOLLEN } from './words.ts';

/** How many sentences back a pronoun may find its person. */
const PRONOUN_REACH = 3;

interface Person {
  name: string;
  gender: 'm' | 'f' | null;
}

/** Adverbs that point back to the last source: "Demnach erwartet Russland, …". */
const REFERS_TO_SOURCE = new Set(['demnach', 'demzufolge']);

/**
 * Modal "sollen" with an infinitive of "sein" or "haben" in its clause reports a claim: "Etwa 30
 * Menschen sollen verletzt worden sein", "Er soll zwei Menschen eingeschleust haben, indem …".
 */
function reportiveSollen(tokens: Token[], at: number): boolean {
  const end = clauseEnd(tokens, at);
  for (let k = at + 2; k < end; k++) {
    const t = tokens[k]!;
    if ((t.lower === 'sein' || t.lower === 'haben') && !t.quoted && !t.cap) return true;
  }
  return false;
}

/**
 * The mood that makes a sentence read as someone's reported speech, outside quotations; null when it
 * has none. "würde" and the modals of Konjunktiv II ("könnten") count apart, as "konj2": reported
 * speech uses them where Konjunktiv I looks indicative ("Die USA würden sich beteiligen"), but so
 * does any sentence about the possible. "sollen" without "sein" or "haben" is a "plan": someone's
 * announced plan goes on in it ("Bis Neujahr sollen 90 Stellen wegfallen"), as does a timetable.
 */
function reportedMood(tokens: Token[]): string | null {
  let hypothetical = false;
  let planned = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted) continue;
    if (reportedMoodAt(tokens, i, false)) return 'konj';
    if (REFERS_TO_SOURCE.has(t.lower)) return 'demnach';
    if (SOLLEN.has(t.lower)) {
      if (reportiveSollen(tokens, i)) return 'soll';
      planned = true;
    }
    hypothetical ||= hypotheticalMoodAt(tokens, i);
  }
  return planned ? 'plan' : hypothetical ? 'konj2' : null;
}

/** A sentence that is one quotation from its first word to its last. */
function wholeQuotation(tokens: Token[]): boolean {
  if (tokens[0]?.kind !== 'open') return false;
  let last = tokens.length - 1;
  while (last > 0 && tokens[last]!.kind === 'punct') last--;
  return tokens[last]?.kind === 'close';
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

/** How many sentences without reported speech may separate a speaker from the speech that goes on. */
const MAX_GAP = 2;
/** How many recent speakers a sentence may be continuing: the last one, and two before it. */
const RECENT_SPEAKERS = 3;

const sameSources = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Someone who spoke: the sources, how they were found, and where. */
interface Speech {
  sources: string[];
  route: string;
  /** How its own sentence framed it ("frame:none" for a speech verb with only an object), or "" for a citation. */
  frame: string;
  /** Whether the model kept it as someone's speech, in its own sentence or since. */
  kept: boolean;
  paragraph: number;
  /** Sentences since the speech last went on. */
  gap: number;
}

/** A candidate attribution and what choosing it means for who speaks next. */
interface Option extends Candidate {
  /** The speaker this option continues, or the speaker it introduces. */
  speech: Speech;
}

export interface ExtractOptions {
  model?: AttributionModel;
  /** Sees every claim's candidate attributions (for training the model). */
  observe?: (claim: ExtractedClaim, candidates: readonly Candidate[]) => void;
}

/** The evidence that the sentence continues the reported speech of the speaker `rank` places back. */
function continuation(speech: Speech, rank: number, p: number, s: number, mood: string | null, quoteOnly: boolean, own: Attribution | null, tokens: Token[]): string[] | null {
  const paragraphs = p - speech.paragraph;
  if (speech.gap > MAX_GAP + rank || paragraphs > 1) return null;
  const where = paragraphs === 0 ? 'same' : s === 0 ? 'next-first' : 'next';
  const opener = tokens[0]?.lower ?? '';
  return [
    'cont',
    `cont/rank${rank}`,
    `cont/gap${speech.gap}`,
    `cont/para:${where}`,
    `cont/mood:${quoteOnly ? 'quote' : (mood ?? 'none')}`,
    `cont/from:${speech.route}`,
    `cont/kept:${speech.kept ? 'yes' : speech.frame || 'no'}`,
    `cont/own:${own?.features[0] ?? 'none'}`,
    ...(PRONOUN_OPENERS.has(opener) ? [`cont/opener:${opener}`] : []),
  ];
}

/** The recent speakers after one more sentence: `first` in front, the rest a sentence further back. */
function nextSpeakers(speakers: readonly Speech[], first: Speech | null): Speech[] {
  const aged = speakers.map((sp) => ({ ...sp, gap: sp.gap + 1 }));
  return first ? [first, ...aged.filter((sp) => !sameSources(sp.sources, first.sources))].slice(0, RECENT_SPEAKERS) : aged.slice(0, RECENT_SPEAKERS);
}

/** Openers that point back to someone already named: "Er sagte …", "Dieser habe …". */
const PRONOUN_OPENERS = new Set(['er', 'sie', 'es', 'man', 'dieser', 'diese', 'dies', 'das', 'auch', 'zudem', 'außerdem', 'ferner', 'demnach']);

export function extractClaims(article: CleanArticle, options: ExtractOptions = {}): ExtractedClaim[] {
  const model = options.model ?? defaultModel;
  const claims: ExtractedClaim[] = [];
  const entities = new EntityTracker();
  const recent: Person[][] = [];
  /** Recent speakers, the last one first. */
  let speakers: Speech[] = [];
  /** The last claim and its paragraph (for "Dies berichtet X"). */
  let previous: ExtractedClaim | null = null;
  let previousParagraph = -1;

  article.paragraphs.forEach((paragraph, p) => {
    const sentences = splitSentences(paragraph);
    sentences.forEach((text, s) => {
      const tokens = tokenize(text);
      const own = attribute(tokens, article.language);
      let ownSources = own ? own.sources : [];
      if (own?.pronoun) {
        const speech = speakers[0];
        const who = resolvePronoun(own.pronoun, recent, speech?.sources[speech.sources.length - 1]);
        // Only a pronoun that picks up the speaker still talking in this paragraph is safe to name.
        if (who && speech?.paragraph === p && speech.sources.includes(who)) ownSources = [...ownSources.slice(0, own.pronounAt), who, ...ownSources.slice(own.pronounAt)];
      }
      const found = entities.extract(tokens, ownSources);
      recent.push(found.people.map((q) => ({ name: q.name, gender: q.gender })));
      if (recent.length > PRONOUN_REACH) recent.shift();

      const mood = reportedMood(tokens);
      const quoteOnly = wholeQuotation(tokens);
      const context = [`s:mood:${mood ?? 'none'}`, ...(quoteOnly ? ['s:quote-only'] : tokens.some((t) => t.quoted) ? ['s:quote'] : [])];
      const choices: Option[] = [];
      const ownSpeech = own && ownSources.length ? { sources: ownSources, route: own.features[0] ?? 'speech', frame: own.features.find((f) => f.startsWith('frame:')) ?? '', kept: false, paragraph: p, gap: 0 } : null;
      if (ownSpeech) choices.push({ sources: ownSources, features: [...own!.features, ...context], speech: ownSpeech });
      speakers.forEach((sp, rank) => {
        const features = continuation(sp, rank, p, s, mood, quoteOnly, own, tokens);
        if (features && !choices.some((o) => sameSources(o.sources, sp.sources))) choices.push({ sources: sp.sources, features: [...features, ...context], speech: sp });
      });
      // "demnach", "demzufolge" point back to the source just named: no model needed to follow them.
      const pointed = mood === 'demnach' && !ownSpeech ? choices.find((c) => c.speech === speakers[0]) : undefined;
      const chosen = pointed ?? model.choose(choices)?.candidate ?? null;

      // "Dies berichtet X": an explicit pointer back, which needs no model either.
      if (own?.backward && ownSources.length && previous && (previousParagraph === p || (s === 0 && previousParagraph === p - 1))) {
        previous.sources = merge(ownSources, previous.sources);
      }
      // A speaker the model doubts here may go on speaking in the next sentences ("Lammert würdigte …. Sie sei …").
      speakers = nextSpeakers(speakers, chosen ? { ...chosen.speech, kept: true, paragraph: p, gap: 0 } : ownSpeech);
      if (own?.backward && own.onlyAttributes && ownSources.length) return;

      if (!isClaim(text, tokens, sentences.length === 1)) return;
      const claim: ExtractedClaim = {
        text,
        paragraph: p + 1,
        sources: chosen ? [...chosen.sources] : [],
        stance: isDenial(tokens) ? 'deny' : 'assert',
        hedged: isHedged(tokens),
        entities: found.entities,
      };
      options.observe?.(claim, choices);
      claims.push(claim);
      previous = claim;
      previousParagraph = p;
    });
  });
  return claims;
}
