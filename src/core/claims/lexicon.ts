/**
 * The open word lists behind attribution and entities, read once from `data/lexicon/`:
 * cue verbs compiled from the quotation dataset's train split, and a small curated gazetteer.
 */
import { readFileSync } from 'node:fs';
import { germanNounStems, LEXICON_FILES, readWordList } from '../search/lexicon.ts';
import { germanStem } from '../search/stem.ts';
import { CITATION_WORDS, DENY_STEMS, DENY_WORDS, FUNCTION_WORDS, HEDGE_STEMS, HEDGE_WORDS, REPORT_NOUNS, SUBJUNCTIVE_I, SUBJUNCTIVE_II } from './words.ts';

interface CueFile {
  verbs: Record<string, string[]>;
  bare: Record<string, string[]>;
}
interface GazetteerFile {
  places: string[];
  multiwordPlaces: string[];
  givenNames: { m: string[]; f: string[] };
  outlets: string[];
  organisations: string[];
  roles: string[];
  mediaNouns: string[];
  orgSuffixes: string[];
}

const read = <T>(name: string): T => JSON.parse(readFileSync(new URL(`../../../data/lexicon/${name}`, import.meta.url), 'utf8')) as T;

const cues = read<CueFile>('attribution-cues.json');
const gazetteer = read<GazetteerFile>('attribution-gazetteer.json');

/** Inflected cue verb form → separable particles that make it a cue later in its clause ("": the form alone). */
export const CUE_VERBS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(cues.verbs));
/** The cue forms and particles that report speech even with only an object ("sprach von …", "forderte den Rücktritt"). */
export const BARE_CUE_VERBS: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(cues.bare));

export const PLACES: ReadonlySet<string> = new Set(gazetteer.places);
/** Multiword places keyed by their first word, longest first. */
export const MULTIWORD_PLACES: ReadonlyMap<string, readonly string[][]> = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const place of gazetteer.multiwordPlaces) {
    const parts = place.split(' ');
    const list = byFirst.get(parts[0]!) ?? [];
    list.push(parts);
    byFirst.set(parts[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();

export type Gender = 'm' | 'f';
export const GIVEN_NAMES: ReadonlyMap<string, Gender> = new Map([
  ...gazetteer.givenNames.m.map((n) => [n, 'm'] as const),
  ...gazetteer.givenNames.f.map((n) => [n, 'f'] as const),
]);

/** Outlets and organisations by exact spelling; multiword ones keyed by their first word. */
export const ORGANISATIONS: ReadonlySet<string> = new Set([...gazetteer.outlets, ...gazetteer.organisations]);
/** News outlets and agencies known by name: "dpa", "APA", "Reuters". */
export const OUTLETS: ReadonlySet<string> = new Set(gazetteer.outlets);
export const MULTIWORD_ORGANISATIONS: ReadonlyMap<string, readonly string[][]> = (() => {
  const byFirst = new Map<string, string[][]>();
  for (const name of [...gazetteer.outlets, ...gazetteer.organisations]) {
    const parts = name.split(' ');
    if (parts.length < 2) continue;
    const list = byFirst.get(parts[0]!) ?? [];
    list.push(parts);
    byFirst.set(parts[0]!, list);
  }
  for (const list of byFirst.values()) list.sort((a, b) => b.length - a.length);
  return byFirst;
})();

/** Word endings of each noun class, grouped by length so a word is tested with a few Set lookups. */
function endings(list: string[]): Map<number, Set<string>> {
  const byLength = new Map<number, Set<string>>();
  for (const e of list) byLength.set(e.length, (byLength.get(e.length) ?? new Set()).add(e));
  return byLength;
}
const roleEndings = endings(gazetteer.roles);
const mediaEndings = endings(gazetteer.mediaNouns);
const orgEndings = endings(gazetteer.orgSuffixes);

function endsWithAny(word: string, table: Map<number, Set<string>>): boolean {
  for (const [length, set] of table) if (word.length >= length && set.has(word.slice(word.length - length))) return true;
  return false;
}

/** What a word is to the extractor, as bits on each token: noun classes and the cue lists it belongs to. */
export const ROLE = 1;
export const MEDIA = 2;
export const ORG = 4;
export const FUNCTION = 8;
export const CUE = 16;
export const CITATION = 32;
export const DENY = 64;
export const HEDGE = 128;
export const SUBJUNCTIVE = 256;
export const REPORT = 512;
export const PLACE_NOUN = 1024;
/** Konjunktiv II ("hätte", "wäre", "gäbe"), which stands in for Konjunktiv I in reported speech. */
export const SUBJUNCTIVE_PAST = 2048;
/** Either Konjunktiv: the moods of reported speech. */
export const REPORTED_MOOD = SUBJUNCTIVE | SUBJUNCTIVE_PAST;
/** Shaped like a Konjunktiv I ("freue", "handele", "plane"), which context must confirm: see mood.ts. */
export const SUBJUNCTIVE_SHAPE = 4096;
/** A Konjunktiv II modal ("müssten", "könnte"): reported only where a speech verb already frames the clause. */
export const HYPOTHETICAL_MOOD = 8192;

/** Konjunktiv II modals and "würde" speak of the possible more often than they report: "Das könnte teuer werden". */
const HYPOTHETICAL = new Set(['würde', 'würden', 'könnte', 'könnten', 'müsste', 'müssten', 'dürfte', 'dürften']);
/** Konjunktiv I of "-ieren" verbs, which no list can hold: "funktioniere", "existiere", "reagiere". */
const SUBJUNCTIVE_IEREN = /[^e]iere$/;
/**
 * Stem + "e", the Konjunktiv I of any verb. "-te" is left out because it is mostly the past tense
 * ("sagte", "plante"); the Konjunktiv of t-stems ("halte", "gelte") is in the closed list.
 */
const SUBJUNCTIVE_ENDING = /^[a-zäöüß]{2,}[^t]e$/;
/** Adverbs that end like a Konjunktiv I. */
const E_ADVERBS = new Set(['gerne', 'lange', 'heute', 'gerade', 'alleine', 'beinahe', 'nahe', 'ferne', 'bitte']);

/** Nouns that introduce a place's name: "Region Kursk", "Oblast Brjansk", "die Stadt Wien". */
const PLACE_NOUN_ENDING = /(?:region|oblast|oblasten|gebiet|gebiete|provinz|stadt|bundesland|bezirk|kanton|gemeinde|dorf|ort|metropole|insel|republik|halbinsel|hauptstadt)$/;

/** Compounds of what a source said: "Fernsehbericht", "Agenturmeldung", "Abschlussbericht". */
const REPORT_COMPOUND = /^\p{L}{3,}(?:bericht|meldung|mitteilung|erklärung|stellungnahme|studie|analyse|umfrage|schätzung|prognose|untersuchung)$/u;

/** Flags of each lower-case word, computed once: news text repeats its vocabulary, so most lookups hit. */
const remembered = new Map<string, number>();
const MAX_REMEMBERED = 200_000;

/** Plural and weak forms of a role: "Experten", "Präsidenten", "Abgeordneten", "Ministerinnen". */
function isRolePlural(lower: string): boolean {
  if (lower.endsWith('nen')) return endsWithAny(lower.slice(0, -2), roleEndings);
  if (lower.endsWith('en')) return endsWithAny(lower.slice(0, -2), roleEndings) || endsWithAny(lower.slice(0, -1), roleEndings);
  return lower.endsWith('n') && endsWithAny(lower.slice(0, -1), roleEndings);
}

/** Plurals of an organisation noun: "Behörden", "Parteien", "Gewerkschaften". */
export function isOrgPlural(lower: string): boolean {
  return lower.endsWith('n') && (endsWithAny(lower.slice(0, -1), orgEndings) || endsWithAny(lower.slice(0, -2), orgEndings)) && !endsWithAny(lower, roleEndings);
}

function computeFlags(lower: string): number {
  let bits = 0;
  if (endsWithAny(lower, roleEndings) || isRolePlural(lower)) bits |= ROLE;
  if (endsWithAny(lower, mediaEndings)) bits |= MEDIA;
  if (endsWithAny(lower, orgEndings) || isOrgPlural(lower)) bits |= ORG;
  if (FUNCTION_WORDS.has(lower)) bits |= FUNCTION;
  if (CUE_VERBS.has(lower)) bits |= CUE;
  if (CITATION_WORDS.has(lower)) bits |= CITATION;
  if (DENY_WORDS.has(lower) || DENY_STEMS.some((s) => lower.startsWith(s))) bits |= DENY;
  if (HEDGE_WORDS.has(lower) || HEDGE_STEMS.some((s) => lower.startsWith(s))) bits |= HEDGE;
  if (SUBJUNCTIVE_I.has(lower) || SUBJUNCTIVE_IEREN.test(lower)) bits |= SUBJUNCTIVE;
  if (SUBJUNCTIVE_II.has(lower) && !HYPOTHETICAL.has(lower)) bits |= SUBJUNCTIVE_PAST;
  if (HYPOTHETICAL.has(lower)) bits |= HYPOTHETICAL_MOOD;
  if (!(bits & (FUNCTION | REPORTED_MOOD)) && SUBJUNCTIVE_ENDING.test(lower) && !E_ADVERBS.has(lower)) bits |= SUBJUNCTIVE_SHAPE;
  if (REPORT_NOUNS.has(lower) || REPORT_COMPOUND.test(lower)) bits |= REPORT;
  if (PLACE_NOUN_ENDING.test(lower)) bits |= PLACE_NOUN;
  return bits;
}

export function wordFlags(lower: string): number {
  let bits = remembered.get(lower);
  if (bits === undefined) {
    bits = computeFlags(lower);
    if (remembered.size >= MAX_REMEMBERED) remembered.clear();
    remembered.set(lower, bits);
  }
  return bits;
}

/** Words the dictionaries write only in lower case ("weiterhin", "besorgt", "mindestens"). */
const NOT_NOUNS = readWordList(LEXICON_FILES.notNouns);
const INFLECTION = /(?:e|en|em|er|es)$/;

/** Whether a capitalised sentence opener is really an adverb or adjective ("Weiterhin", "Besorgt", "Offiziellen"). */
export const isNotNoun = (lower: string) => NOT_NOUNS.has(lower) || (INFLECTION.test(lower) && NOT_NOUNS.has(lower.replace(INFLECTION, '')));

/** Whether a capitalised word is a common noun of the dictionaries ("Vergleiche", "Totschlag"), as opposed to a name. */
export const isCommonNoun = (lower: string) => germanNounStems().has(germanStem(lower));

/** For names held as strings rather than tokens. */
export const isRole = (lower: string) => (wordFlags(lower) & ROLE) !== 0;
export const isOrgNoun = (lower: string) => (wordFlags(lower) & ORG) !== 0;
