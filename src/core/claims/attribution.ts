/**
 * Who a sentence says is speaking, read from its own words: citations ("laut X", "nach Angaben
 * des X", "X zufolge", "hieß es aus X"), speech verbs with their subject ("sagte X", "X erklärte",
 * "wie X mitteilte"), chains ("unter Berufung auf Y") and back-references ("Dies berichtet X").
 * Pronoun subjects are returned unresolved; the discourse step resolves them against the article.
 */
import type { Language } from '../types.ts';
import { finiteVerbIn } from './claimhood.ts';
import { BARE_CUE_VERBS, CITATION, CUE, CUE_VERBS, FUNCTION, GIVEN_NAMES, isCommonNoun, isRole, MEDIA, MULTIWORD_ORGANISATIONS, ORG, ORGANISATIONS, OUTLETS, REPORT, ROLE } from './lexicon.ts';
import { germanStem } from '../search/stem.ts';
import { reportedMoodAt } from './mood.ts';
import { possessorOf, sourceName } from './names.ts';
import {
  ADJECTIVE_ENDING,
  clauseEnd,
  clauseStart,
  insertionClose,
  isDeterminer,
  isNounLike,
  isPersonalPronoun,
  isPreposition,
  MAX_INSERTION,
  opensOneOf,
  outletAddressedAfter,
  type Phrase,
  phraseAfter,
  phraseBefore,
  RELATIVE,
  skipAdverbials,
} from './phrases.ts';
import type { Token } from './tokens.ts';
import { ADVERBS, CONJUNCTIONS, GERMAN_AUXILIARIES, isTimeWord, PARTICLES, POSSESSIVES, SHARE, SOLLEN, SUBORDINATORS } from './words.ts';

export interface Attribution {
  /** Named sources, outermost first. */
  sources: string[];
  /** A speaking subject pronoun, to be resolved to a person and placed after `sources[0..pronounAt)`. */
  pronoun: 'er' | 'sie' | null;
  pronounAt: number;
  /** The sentence attributes the one before it ("Dies berichtet X …"). */
  backward: boolean;
  /** It does nothing but attribute, so it is not a claim of its own. */
  onlyAttributes: boolean;
  /** The evidence behind it ("speech", "frame:opener", "v:sag", "laut/media"), which the attribution model weighs. */
  features: string[];
}

/** What a source said, after "nach" with any article: "nach Angaben", "nach den Worten", "nach Ansicht". */
const NACH_NOUNS = new Set(
  'angaben angabe ansicht meinung auffassung einschätzung einschätzungen darstellung darstellungen informationen erkenntnissen erkenntnisse worten aussagen aussage schätzungen schätzung berechnungen recherchen überzeugung auskunft berichten meldungen vorhersage ermittlungen'.split(
    ' ',
  ),
);
/** "In der Mitteilung des WWF heißt es", "Bei der Polizei hieß es", "Von der Regierung hieß es". */
const FRONTED_SOURCE = new Set(['in', 'im', 'bei', 'beim', 'aus', 'laut', 'auf', 'von', 'vom', 'seitens']);
/** Compounds naming who said it by what they said: "Polizeiangaben", "Regierungskreisen". */
const REPORT_COMPOUND = /(?:angaben|informationen|kreisen|quellen|berichten|meldungen|aussagen|meinung)$/;
const PASSIVE = new Set(['wurde', 'wurden', 'wird', 'werden', 'worden']);
const BACKWARD_OPENERS = new Set(['dies', 'das', 'dieses', 'diese', 'dieser', 'so']);
/** "… unter Berufung auf Y", "gestützt auf Y": the source's own source. */
const CHAIN_CUES: readonly (readonly string[])[] = [
  ['unter', 'berufung', 'auf'],
  ['mit', 'berufung', 'auf'],
  ['unter', 'verweis', 'auf'],
  ['unter', 'bezug', 'auf'],
  ['gestützt', 'auf'],
  ['berufend', 'auf'],
  ['beruft', 'sich', 'auf'],
  ['berief', 'sich', 'auf'],
];

const startsWith = (tokens: Token[], i: number, words: readonly string[]) => words.every((w, k) => tokens[i + k]?.lower === w && !tokens[i + k]!.quoted);

/** A speaker found in the sentence: a phrase or a pronoun token index. */
type Speaker = { phrase: Phrase } | { pronoun: number };

/** Adverbs that may sit between a fronted subject and its verb: "Die Kanadier hingegen sagen". */
const BETWEEN = new Set(['hingegen', 'jedoch', 'aber', 'allerdings', 'wiederum', 'indes', 'dagegen', 'seinerseits', 'ihrerseits', 'selbst', 'selber', 'nun', 'also', 'dann', 'zudem', 'auch', 'bereits', 'schon', 'ebenfalls', 'freilich', 'zuvor', 'später', 'damals', 'heute', 'gestern']);
/** Prepositions of a subject's own complement: "die Botschaft in Riad", "ein Sprecher aus Berlin". */
const POST_NOMINAL = new Set(['in', 'im', 'aus', 'von', 'vom', 'bei', 'beim', 'am', 'für']);
/** Articles of an object, never of a subject: "Den Namen … gab das ZDF bekannt", "Ihren Widersacher forderte May auf". */
const OBJECT_ARTICLE = /^(?:den|dem|einem|einen|des|ihm|ihn|ihnen|(?:sein|ihr|unser|mein|dein|eur)(?:en|em))$/;
/** Prepositions that date a report: "dem Bericht vom Donnerstag", "der Mitteilung von Anfang März". */
const DATED = new Set(['vom', 'von', 'am', 'aus']);
/** Words that open an embedded question or a free relative clause. */
const EMBEDDED = new Set(['was', 'wer', 'wen', 'wem', 'wessen', 'warum', 'weshalb', 'wieso', 'wann', 'wo', 'ob']);
/** Subject pronouns that are never objects, so one right after the verb is its subject ("Das sagte er"). */
const NOMINATIVE = new Set(['er', 'man', 'ich', 'wir']);
const IMPERSONAL = new Set(['es', 'man', 'ich', 'wir', 'du', 'ihr']);
/** A participle without "ge-", of a verb with an inseparable prefix or in "-ieren": "erklärt", "bestätigt", "kritisiert". */
const PREFIXED_PARTICIPLE = /^(?:(?:be|er|ver|ent|zer|emp|miss)\p{Ll}{3,}t|\p{Ll}{3,}iert)$/u;
/** A "ge-" participle, alone or after its particle: "genannt", "gesagt", "angekündigt", "mitgeteilt". */
const PARTICIPLE = /^(?:[a-zäöü]{2,7})?ge[a-zäöüß]{3,}(?:t|en)$/;

/** Nouns that name people by what they do, which the role list cannot hold: "Kritiker", "Studenten", "Demonstranten". */
const PERSON_NOUN = /(?:iker|ikerinnen|enten|anten|isten|istinnen|eure|euren)$/;
const personNoun = (t: Token) => t.kind === 'word' && t.cap && PERSON_NOUN.test(t.lower);
/** A finite verb in the plural: "werfen", "forderten", "haben". */
const pluralVerb = (t: Token) => !t.cap && /(?:en|ten)$/.test(t.lower);
/** A phrase that is one name without an article: "Obama", "Angela Merkel". */
const singularName = (tokens: Token[], p: Phrase) => !isDeterminer(tokens[p.start]) && !/(?:en|er)$/.test(tokens[p.end - 1]!.lower) && tokens[p.end - 1]!.cap;

/** A short phrase that names a time: "Vergangene Woche", "Ende April", "Donnerstag". */
function isTime(tokens: Token[], p: Phrase): boolean {
  return p.end - p.start <= 3 && isTimeWord(tokens[p.end - 1]!.lower);
}

/** Whether a fronted subject phrase, with complements, "und Y" and adverbs, reaches the verb at `until`. */
function subjectReaches(tokens: Token[], p: Phrase, until: number): boolean {
  let end = p.end;
  for (let guard = 0; guard < 3 && end < until; guard++) {
    const t = tokens[end]!;
    // A parenthesis spells the name out: "der Nationalen Umweltbehörde (National Environment Management Authority, NEMA)".
    if (t.text === '(') {
      const close = insertionClose(tokens, end, MAX_INSERTION);
      if (close < 0) break;
      end = close + 1;
      continue;
    }
    if (t.cap) break;
    // A genitive keeps its article: "Experten der polnischen Marine".
    const genitive = t.lower === 'der' || t.lower === 'des';
    if (!(genitive || POST_NOMINAL.has(t.lower) || t.lower === 'und' || t.lower === 'sowie')) break;
    const q = phraseAfter(tokens, genitive ? end : end + 1);
    if (!q) break;
    end = q.end;
  }
  while (end < until && BETWEEN.has(tokens[end]!.lower)) end++;
  return end === until;
}

/** Days counted from today, which open a dated complement as an article would: "von heute Mittag". */
const DAYS_FROM_TODAY = new Set(['vorgestern', 'gestern', 'heute', 'morgen', 'übermorgen']);

/**
 * What "laut" or "gemäß" cites. After a comma with a verb to come it opens a relative clause, and
 * cites the noun before: "ein Gutachten vor, laut dem Kevin misshandelt worden war". "gemäß" also
 * means "in line with", so it cites only a speaker or a report: not "gemäß der damaligen Regelung".
 */
function lautPhrase(tokens: Token[], i: number): Phrase | null {
  if (tokens[i - 1]?.text === ',' && RELATIVE.has(tokens[i + 1]?.lower ?? '') && finiteVerbIn(tokens, i + 2, clauseEnd(tokens, i)) >= 0) {
    const before = PARTICLES.has(tokens[i - 2]?.lower ?? '') ? i - 2 : i - 1;
    return phraseBefore(tokens, before, clauseStart(tokens, before - 1));
  }
  const p = phraseAfter(tokens, i + 1);
  if (!p || tokens[i]!.lower !== 'gemäß') return p;
  const head = tokens[p.head]!;
  return speakerLike(tokens, { phrase: p }) || head.flags & REPORT || NACH_NOUNS.has(head.lower) ? p : null;
}

/** Index after a speaker's complements and adverbials: "so Karl Harb von den Salzburger Nachrichten", "so Nasrallah im libanesischen Fernsehen". */
function afterComplements(tokens: Token[], end: number): number {
  let at = skipAdverbials(tokens, end);
  for (let guard = 0; guard < 3; guard++) {
    const t = tokens[at];
    if (!t || t.quoted || !(POST_NOMINAL.has(t.lower) || t.lower === 'gegenüber' || t.lower === 'auf')) break;
    // "von heute Mittag": a day counted from today may open the complement.
    const q = phraseAfter(tokens, DAYS_FROM_TODAY.has(tokens[at + 1]?.lower ?? '') ? at + 2 : at + 1);
    if (!q) break;
    at = skipAdverbials(tokens, q.end);
  }
  return at;
}

/** "heißt es", "hieß es", or "hatte es geheißen" at token `i`. */
function heisstEs(tokens: Token[], i: number): boolean {
  const lower = tokens[i]!.lower;
  if (lower === 'heißt' || lower === 'hieß' || lower === 'hiess') return tokens[i + 1]?.lower === 'es';
  return lower === 'geheißen' && tokens[i - 1]?.lower === 'es' && GERMAN_AUXILIARIES.has(tokens[i - 2]?.lower ?? '');
}

/**
 * The place a fronted "heißt es" cites: "In der Mitteilung des WWF heißt es", "Auf der Homepage heißt
 * es", "In dem Bericht, der … wurde, heißt es", "In der Ankündigung des Komitees von heute Mittag heißt es".
 */
function frontedSource(tokens: Token[], verb: number): Phrase | null {
  let lead = 0;
  while (lead < verb && (CONJUNCTIONS.has(tokens[lead]!.lower) || BETWEEN.has(tokens[lead]!.lower))) lead++;
  if (!FRONTED_SOURCE.has(tokens[lead]?.lower ?? '')) return null;
  const p = phraseAfter(tokens, lead + 1);
  if (!p) return null;
  let at = afterComplements(tokens, p.end);
  // A relative clause on the source: "In dem Bericht, der … ins Netz gestellt wurde, heißt es".
  if (tokens[at]?.text === ',' && RELATIVE.has(tokens[at + 1]?.lower ?? '')) {
    at = at + 1;
    while (at < verb && tokens[at]!.text !== ',') at++;
    at++;
  }
  return at === verb ? p : null;
}

/** Endings only feminine nouns have ("Zeitung", "Agentur", "Polizei", "Kommission"), unlike "-e" and "-eur" ("der Experte", "der Gouverneur"). */
const FEMININE_HEAD = /(?:ung|heit|keit|schaft|ion|tät|ei|[^e]ur|anz|enz)$/;

/** A name in apposition: "der Sekretär des Rats, Sergei Schoigu, …" or "Ein Sprecher, Lars Beringer, sagte". */
function apposition(tokens: Token[], p: Phrase): Phrase | null {
  if (tokens[p.end]?.text !== ',' || !isNounLike(tokens[p.end + 1])) return null;
  const q = phraseAfter(tokens, p.end + 1);
  if (!q || q.end - q.start > (tokens[q.end - 1]!.text === ')' ? 7 : 4)) return null;
  const after = tokens[q.end];
  if (after && after.text !== ',' && after.text !== '.' && after.kind !== 'word') return null;
  if (after?.kind === 'word' && !(after.lower === 'nach' || after.lower === 'am' || after.lower === 'in' || after.lower === 'bei')) return null;
  return q;
}

const GENITIVE_ENDING = /(?:e?s|en|n)$/;

/** Whether a phrase holds a role, also in the genitive: "des Sprechers der Polizei", "des Präsidenten". */
function namesRole(tokens: Token[], p: Phrase): boolean {
  for (let k = p.head; k < p.end; k++) {
    const t = tokens[k]!;
    if (t.flags & ROLE || (t.cap && GENITIVE_ENDING.test(t.lower) && isRole(t.lower.replace(GENITIVE_ENDING, '')))) return true;
  }
  return false;
}

/** A phrase with the nouns coordinated to it: "Der frühere Bürgermeister und Justizsenator". */
function coordinated(tokens: Token[], p: Phrase | null): Phrase | null {
  if (!p) return null;
  let end = p.end;
  for (let guard = 0; guard < 2 && (tokens[end]?.lower === 'und' || tokens[end]?.lower === 'sowie'); guard++) {
    const q = phraseAfter(tokens, end + 1);
    if (!q) break;
    end = q.end;
  }
  return { ...p, end };
}

/**
 * The sentence's opening phrase when a comma-enclosed insertion separates it from the verb at
 * `verb`: "Der NDR, der … verantwortlich ist, begründete …", "Albrecht Conze, der Direktor …, bezeichnete".
 */
function subjectBeforeInsertion(tokens: Token[], verb: number): Phrase | null {
  let lead = 0;
  while (lead < verb && (CONJUNCTIONS.has(tokens[lead]!.lower) || BETWEEN.has(tokens[lead]!.lower))) lead++;
  const opening = coordinated(tokens, phraseAfter(tokens, lead));
  // With its complements: "Der Vorsitzende des Bauhauptverbands in Deutschland, Michael Knipper, kritisierte".
  const p = opening && { ...opening, end: afterComplements(tokens, opening.end) };
  if (!p || OBJECT_ARTICLE.test(tokens[lead]!.lower) || tokens[p.end]?.text !== ',' || p.end >= verb - 2 || verb - p.end > 40) return null;
  const first = tokens[p.end + 1]!;
  // A relative clause may open with its preposition: "Die Studie, auf die sich der Minister beruft, bestätigt …".
  const relative = RELATIVE.has(first.lower) || (isPreposition(first) && RELATIVE.has(tokens[p.end + 2]?.lower ?? ''));
  if (!(relative || isDeterminer(first) || isNounLike(first))) return null;
  // The relative clause must reach the verb: in "Ideen, die gut sind, habe sie schon, versprach X" a clause of its own comes between.
  if (relative && !isNounLike(tokens[p.end + 2]) && tokens.slice(p.end + 1, verb - 1).some((t) => t.text === ',' && !t.quoted)) return null;
  // An apposition with its article that reaches the verb: "Die größte Privatbank, die Deutsche Bank, meldete".
  const named = isDeterminer(first) ? phraseAfter(tokens, p.end + 1) : null;
  if (named && named.end + 1 === verb && tokens[named.end]!.text === ',') return isName(tokens, opening) ? opening : named;
  const described = apposition(tokens, p);
  // A list is no insertion: in "Klima, Gerüche, Bewegung, all das gehöre …, sagt Möllmann" the speaker follows the verb.
  if (described && !relative && (tokens[described.end]?.text !== ',' || described.end + 1 !== verb)) return null;
  // "Hans Müller, Obmann der Fraktion, sagte": after a name, the apposition only describes it.
  return described && !isName(tokens, opening) ? described : opening;
}

/** A name without an article ("Hans Müller", "Greenpeace"), not a role or a common noun. */
function isName(tokens: Token[], p: Phrase): boolean {
  if (isDeterminer(tokens[p.start])) return false;
  for (let k = p.start; k < p.end && tokens[k]!.cap; k++) {
    const t = tokens[k]!;
    if (t.flags & (ROLE | REPORT)) return false;
    if (GIVEN_NAMES.has(t.text) || ORGANISATIONS.has(t.text)) return true;
  }
  const head = tokens[p.head]!;
  return head.kind === 'word' && head.cap && !isCommonNoun(head.lower) && !(head.flags & (ROLE | REPORT));
}

/**
 * A name set off by commas between the sentence's first phrase and the verb, when that phrase is
 * too involved to read ("Der Vorsitzende der CDU/CSU-Fraktion, Volker Kauder, kritisierte …"): the
 * name is the subject, and what follows the verb is its object.
 */
function nameBeforeVerb(tokens: Token[], verb: number): Phrase | null {
  const comma = verb - 1;
  let k = comma - 1;
  while (k > 0 && tokens[k]!.kind === 'word' && tokens[k]!.cap && !tokens[k]!.quoted && !isCommonNoun(tokens[k]!.lower)) k--;
  if (tokens[k]?.text !== ',' || k === comma - 1 || comma - 1 - k > 4 || tokens.findIndex((t) => t.text === ',') < k) return null;
  // Only after a phrase: after a clause ("Es ist unser Zuhause, Home Sweet Home, sagt Joseph") the subject follows the verb.
  if (finiteVerbIn(tokens, 0, k) >= 0) return null;
  const name = phraseAfter(tokens, k + 1);
  return name && name.end === comma ? name : null;
}

/** Words that count a subject instead of naming it with an article: "Mehrere Zeugen", "Zwei Polizisten". */
const COUNTING = new Set([
  'mehrere', 'einige', 'viele', 'zahlreiche', 'manche', 'andere', 'weitere', 'wenige', 'beide', 'dutzende', 'hunderte', 'tausende',
  'zwei', 'drei', 'vier', 'fünf', 'sechs', 'sieben', 'acht', 'neun', 'zehn', 'elf', 'zwölf',
]);

/** Words before "nach" that make it a time: "Zwei Monate nach dem Urteil", "Erst nach umfangreichen Ermittlungen". */
const TIME_BEFORE_NACH = new Set(['erst', 'kurz', 'bald', 'gleich', 'unmittelbar', 'direkt', 'schon', 'bereits', 'noch', 'spät', 'später', 'früh', 'lange']);
/** A time before "nach": an adverb, or a counted span ("Zwei Monate nach"), not a date ("am Mittwoch nach Angaben der …"). */
const afterTime = (tokens: Token[], i: number) => {
  const before = tokens[i - 1];
  if (!before || before.quoted) return false;
  const count = tokens[i - 2];
  return TIME_BEFORE_NACH.has(before.lower) || (isTimeWord(before.lower) && count !== undefined && (count.kind === 'num' || COUNTING.has(count.lower)));
};

/** Words after a verb that open a second main clause against the first: "…, fordern aber …". */
const CONTRAST = new Set(['aber', 'jedoch', 'doch']);

/**
 * A subject that counts its members, with what it counts: "Mehrere Zeugen sagten", "300
 * Demonstranten forderten", "Einer der Feuerwehrmänner sagte". The count is part of who spoke.
 */
function countedPhrase(tokens: Token[], i: number): Phrase | null {
  const t = tokens[i];
  if (!t || t.quoted || t.kind === 'open') return null;
  const oneOf = opensOneOf(tokens, i);
  if (!oneOf && !COUNTING.has(t.lower) && !(t.kind === 'num' && /^\d+$/.test(t.text))) return null;
  const group = phraseAfter(tokens, i + 1);
  // "Einige der Moslems", "zwei der Polizisten": some of a group, in its genitive plural.
  const ofGroup = oneOf || tokens[i + 1]?.lower === 'der';
  // "Drei Viertel der Befragten", "60 Prozent": a share, which only a survey's figures name.
  if (!group || (!ofGroup && isDeterminer(tokens[group.start])) || SHARE.test(tokens[group.head]!.lower)) return null;
  return { start: i, head: group.head, end: group.end };
}

/** The subject after a finite verb: adverbs and a dative object are skipped ("sagte demnach Müller", "sagte dem Sender der Minister"). */
function subjectAfter(tokens: Token[], verb: number): Speaker | null {
  let j = skipAdverbials(tokens, verb + 1);
  // A reflexive verb: "äußerte sich der Minister".
  if (tokens[j]?.lower === 'sich') j = skipAdverbials(tokens, j + 1);
  if (isPersonalPronoun(tokens[j]) && !tokens[j]!.quoted) return { pronoun: j };
  if (IMPERSONAL.has(tokens[j]?.lower ?? '')) return null;
  let p = countedPhrase(tokens, j) ?? phraseAfter(tokens, j);
  // A time between the verb and its subject: "hatte Ende Jänner erklärt", "sagte am Montag der Minister".
  if (p && isTime(tokens, p)) {
    j = skipAdverbials(tokens, p.end);
    if (isPersonalPronoun(tokens[j]) && !tokens[j]!.quoted) return { pronoun: j };
    p = phraseAfter(tokens, j);
  }
  if (p && OBJECT_ARTICLE.test(tokens[p.start]!.lower)) {
    j = skipAdverbials(tokens, p.end);
    if (isPersonalPronoun(tokens[j])) return { pronoun: j };
    p = phraseAfter(tokens, j);
  }
  if (!p || tokens[p.head]!.quoted) return null;
  return { phrase: apposition(tokens, p) ?? p };
}

/** The "von X" agent of a passive clause when X is a person, office, organisation or outlet. */
function passiveAgent(tokens: Token[], start: number, end: number): Speaker | null {
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    if ((t.lower !== 'von' && t.lower !== 'vom') || t.quoted) continue;
    const p = phraseAfter(tokens, k + 1);
    const head = p ? tokens[p.head]! : undefined;
    if (p && head && (head.flags & (ROLE | ORG | MEDIA) || GIVEN_NAMES.has(head.text))) return { phrase: p };
  }
  return null;
}

/** Who quotes the speaker of a passive "zitiert": "X wird von der Nachrichtenagentur Reuters mit den Worten zitiert" is Reuters → X. */
function quotingAgent(tokens: Token[], v: number, start: number, end: number): Phrase | null {
  if (tokens[v]!.lower !== 'zitiert') return null;
  let passive = false;
  for (let k = start; k < end && !passive; k++) passive = PASSIVE.has(tokens[k]!.lower);
  if (!passive) return null;
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    if ((t.lower === 'von' || t.lower === 'vom') && !t.quoted) return phraseAfter(tokens, k + 1);
  }
  return null;
}

/** Active forms of "zitieren", whose object is the one quoted: "Der Spiegel zitiert den Prediger mit den Worten …". */
const ZITIEREN = new Set(['zitiert', 'zitierte', 'zitierten', 'zitieren']);

/** A masculine person in the accusative, which "zitieren" can only mean as someone quoted: "den Prediger", "einen Vertrauten". */
const QUOTED_PERSON = /(?:er|en|ent|ant|ist|or|eur)$/;

/** The one quoted after `j` (past adverbs and a time), or null: "zitierte die Sun am Montag einen Vertrauten". */
function objectAt(tokens: Token[], j: number): Phrase | null {
  let p = phraseAfter(tokens, skipAdverbials(tokens, j));
  if (p && isTime(tokens, p)) p = phraseAfter(tokens, skipAdverbials(tokens, p.end));
  // "zitiert aus der Zeitung „Hoy Bolivia“": quoting from a text names its outlet or its author.
  if (!p && tokens[skipAdverbials(tokens, j)]?.lower === 'aus') p = phraseAfter(tokens, skipAdverbials(tokens, j) + 1);
  if (!p || tokens[p.head]!.quoted) return null;
  const head = tokens[p.head]!;
  const person = (tokens[p.start]!.lower === 'den' || tokens[p.start]!.lower === 'einen') && !(head.flags & REPORT) && QUOTED_PERSON.test(head.lower);
  return person || speakerLike(tokens, { phrase: p }) ? p : null;
}

/**
 * Whom an active "zitieren" quotes, the inner link of the chain after its subject: "zitiert die Zeitung
 * den Polizeibeamten Thomas Pettersen", "zitierte man Yolanda Alvarez". After an outlet, a role or a first
 * name starts the one quoted: "zitiert ndr.de Polizeisprecher Ralf Meyer". "zu sich zitieren" summons.
 */
function quotedBy(tokens: Token[], v: number, speaker: Speaker | null, finite: number, end: number): { speaker: Speaker | null; quoted: Phrase | null } {
  const unchanged = { speaker, quoted: null };
  if (!ZITIEREN.has(tokens[v]!.lower)) return unchanged;
  for (let k = clauseStart(tokens, v); k < end; k++) {
    const t = tokens[k]!;
    if (PASSIVE.has(t.lower) || t.lower === 'ins' || (t.lower === 'sich' && tokens[k - 1]?.lower === 'zu')) return unchanged;
  }
  if (!speaker) return tokens[finite + 1]?.lower === 'man' ? { speaker: wrap(objectAt(tokens, finite + 2)), quoted: null } : unchanged;
  if ('pronoun' in speaker) return { speaker, quoted: objectAt(tokens, Math.max(finite, speaker.pronoun) + 1) };
  const { phrase } = speaker;
  if (phrase.start > finite) {
    let outlet = false;
    for (let k = phrase.start; k < phrase.end; k++) {
      const t = tokens[k]!;
      // "zitiert die New York Times Joel Harding": a known outlet's name ends before the one quoted.
      const named = outletNameEnd(tokens, k);
      if (named > k && named < phrase.end && tokens[named]!.cap) {
        return { speaker: { phrase: { start: phrase.start, head: named - 1, end: named } }, quoted: objectAt(tokens, named) };
      }
      if (outlet && t.cap && (t.flags & ROLE || GIVEN_NAMES.has(t.text))) {
        return { speaker: { phrase: { start: phrase.start, head: Math.min(phrase.head, k - 1), end: k } }, quoted: objectAt(tokens, k) };
      }
      // An outlet, or a bare name that is not a role or a person's: "die Süddeutsche Zeitung", "ndr.de".
      outlet ||= (t.flags & (MEDIA | ORG)) !== 0 || (k === phrase.start && !isDeterminer(t) && !(t.flags & ROLE) && !GIVEN_NAMES.has(t.text) && !isCommonNoun(t.lower));
    }
    return { speaker, quoted: objectAt(tokens, phrase.end) };
  }
  return { speaker, quoted: objectAt(tokens, finite + 1) };
}

const wrap = (p: Phrase | null): Speaker | null => (p ? { phrase: p } : null);

/** The index after a known outlet's name starting at `k` ("New York Times", "dpa"), or `k` when none starts there. */
function outletNameEnd(tokens: Token[], k: number): number {
  const t = tokens[k]!;
  if (OUTLETS.has(t.text)) return k + 1;
  for (const parts of MULTIWORD_ORGANISATIONS.get(t.text) ?? []) {
    if (OUTLETS.has(parts.join(' ')) && parts.every((w, n) => tokens[k + n]?.text === w)) return k + parts.length;
  }
  return k;
}

/** Whether the verb at `v` closes its clause (only auxiliaries or particles follow), as in a subordinate clause. */
function verbFinal(tokens: Token[], v: number, end: number): boolean {
  for (let k = v + 1; k < end; k++) if (!GERMAN_AUXILIARIES.has(tokens[k]!.lower) && !PARTICLES.has(tokens[k]!.lower)) return false;
  return true;
}

/** The auxiliary nearest before `v` in the clause from `start` (`v` itself when there is none). */
function auxiliaryBefore(tokens: Token[], v: number, start: number): number {
  for (let k = v - 1; k >= start; k--) if (GERMAN_AUXILIARIES.has(tokens[k]!.lower) && !tokens[k]!.cap) return k;
  return v;
}

/**
 * The finite verb of the clause of a cue verb at `v`: an auxiliary before it, or the auxiliary that
 * closes a subordinate clause ("wie die FIFA mitgeteilt hat"); `v` itself when it has none.
 */
function finiteOf(tokens: Token[], v: number, start: number, end: number): number {
  const before = auxiliaryBefore(tokens, v, start);
  if (before !== v || end - 1 <= v || !verbFinal(tokens, v, end)) return before;
  const last = tokens[end - 1]!;
  return GERMAN_AUXILIARIES.has(last.lower) && !last.cap && !last.quoted ? end - 1 : v;
}

const WOULD = new Set(['würde', 'würden']);

/**
 * Whether the word at `v` is a participle used as an adjective: after an article (and adverbs), before
 * a noun or a number, and a participle with an ending ("erhofft-en", "genannt-e"), not an infinitive
 * ("Das berichten Medien").
 */
function attributive(tokens: Token[], v: number): boolean {
  let k = v - 1;
  while (k > 0 && ADVERBS.has(tokens[k]!.lower)) k--;
  const next = tokens[v + 1];
  if (!isDeterminer(tokens[k]) || next === undefined || !(isNounLike(next) || next.kind === 'num')) return false;
  // "Das erklärte General Winai": a sentence opening "Das" or "Dies" and a verb points back.
  if (k === 0 && (tokens[0]!.lower === 'das' || tokens[0]!.lower === 'dies')) return false;
  const participle = /^(.+t)(?:e|en|em|er|es)$/.exec(tokens[v]!.lower)?.[1];
  return participle !== undefined && (PARTICIPLE.test(participle) || CUE_VERBS.has(`${participle.slice(0, -1)}en`));
}

/** The speaker of a cue verb at `v`, by clause type: passive, subordinate, relative, verb-second or inverted. */
function speakerOf(tokens: Token[], v: number, end: number): { speaker: Speaker | null; finite: number; start: number } {
  let start = clauseStart(tokens, v);
  let finite = finiteOf(tokens, v, start, end);
  // A participle after a name in apposition has its auxiliary before the name: "hatte der Investor, Larry A. Silverstein, zugesagt",
  // "hatte ein Talibanführer, Baitullah Mehsud, erklärt".
  if (finite === v && (PARTICIPLE.test(tokens[v]!.lower) || PREFIXED_PARTICIPLE.test(tokens[v]!.lower)) && start >= 2 && tokens[start - 1]!.text === ',') {
    const named = clauseStart(tokens, start - 1);
    const before = named >= 2 && tokens[named - 1]!.text === ',' && nameOrDateInsertion(tokens, named) === start - 1 ? clauseStart(tokens, named - 1) : start;
    const auxiliary = auxiliaryBefore(tokens, named, before);
    if (auxiliary !== named) {
      start = before;
      finite = auxiliary;
    }
  }
  let lead = start;
  while (lead < finite && CONJUNCTIONS.has(tokens[lead]!.lower)) lead++;
  const first = tokens[lead]!;
  // An embedded question or free relative says what was said, not that the sentence is someone's: "darauf, was Kinder sagen".
  if (lead < finite && EMBEDDED.has(first.lower) && !first.quoted && verbFinal(tokens, v, end)) return { speaker: null, finite, start };
  // An inflected participle between an article and its noun is an adjective: "der einst erhofften 14,5 Milliarden Euro".
  if (attributive(tokens, v)) return { speaker: null, finite, start };
  // "würden wieder Schlepperaktivitäten festgestellt", and "ist das neunte Album angekündigt" (speech verbs form their perfect with "haben").
  const stative = (WOULD.has(tokens[finite]!.lower) || COPULA.has(tokens[finite]!.lower)) && /t$/.test(tokens[v]!.lower) && verbFinal(tokens, v, end);
  let passive = finite !== v && (PASSIVE.has(tokens[finite]!.lower) || stative);
  for (let k = v + 1; k < end && !passive; k++) passive = PASSIVE.has(tokens[k]!.lower);
  // A passive speech verb names its speaker only as an agent that is someone: "von Minister Stolpe als unrealistisch bezeichnet", not "von dieser Entscheidung berichtet".
  if (passive && tokens[v]!.lower !== 'zitiert') return { speaker: passiveAgent(tokens, start, end), finite, start };
  // A participle without an auxiliary is an attribute, not a speech act: "Das Objekt, genannt 2003 EL61".
  if (finite === v && PARTICIPLE.test(tokens[v]!.lower) && !PARTICLES.has(tokens[end - 1]!.lower)) return { speaker: null, finite, start };
  if (lead < finite && SUBORDINATORS.has(first.lower) && verbFinal(tokens, v, end)) {
    const j = skipAdverbials(tokens, lead + 1);
    if (isPersonalPronoun(tokens[j])) return { speaker: { pronoun: j }, finite, start };
    const p = phraseAfter(tokens, j);
    return { speaker: p && !OBJECT_ARTICLE.test(tokens[p.start]!.lower) ? { phrase: p } : null, finite, start };
  }
  if (start > 0 && RELATIVE.has(first.lower) && tokens[start - 1]!.text === ',' && !isNounLike(tokens[start + 1]) && start < finite && verbFinal(tokens, v, end)) {
    const p = phraseBefore(tokens, start - 1, 0);
    return { speaker: p ? { phrase: p } : null, finite, start };
  }
  const after = tokens[finite + 1];
  if (after && NOMINATIVE.has(after.lower) && !after.quoted) return { speaker: after.lower === 'er' ? { pronoun: finite + 1 } : null, finite, start };
  if (finite === start) {
    // The clause starts at its subordinator, so "wie X, …, mitteilte" frames like "wie X mitteilte".
    const subordinate = subjectOfInterruptedClause(tokens, start, v, end);
    if (subordinate) return { speaker: { phrase: subordinate.phrase }, finite, start: subordinate.opener };
    const inserted = start > 0 && tokens[start - 1]!.text === ',';
    const before = inserted ? subjectBeforeInsertion(tokens, start) : null;
    if (before) {
      // "Die Zahl der Menschen, die …, bezifferte die Nachrichtenagentur Xinhua": a fronted thing is the object when someone follows the verb.
      const after = speakerLike(tokens, { phrase: before }) ? null : subjectAfter(tokens, finite);
      return { speaker: after && 'phrase' in after && headSpeakerLike(tokens, after) ? after : { phrase: before }, finite, start };
    }
    const named = inserted ? nameBeforeVerb(tokens, start) : null;
    if (named) return { speaker: { phrase: named }, finite, start };
    // "Die Grünen haben die Verordnung begrüßt, fordern aber eine Änderung": a second main clause, whose subject is shared and
    // whose thing after the verb is its object. Without "aber" the clause before is what was said: "…, teilte die Küstenwache mit".
    const after = subjectAfter(tokens, finite);
    const contrasted = CONTRAST.has(tokens[finite + 1]?.lower ?? '') && (!after || !speakerLike(tokens, after));
    const shared = contrasted || !after ? sharedSubject(tokens, finite) : null;
    return { speaker: contrasted ? (shared ?? after) : (after ?? shared), finite, start };
  }
  let front = start;
  while (front < finite && (CONJUNCTIONS.has(tokens[front]!.lower) || BETWEEN.has(tokens[front]!.lower))) front++;
  if (front === finite) return { speaker: verbAfterOther(tokens, finite), finite, start };
  const opener = tokens[front]!;
  if (front + 1 === finite && (isPersonalPronoun(opener) || IMPERSONAL.has(opener.lower))) return { speaker: isPersonalPronoun(opener) ? { pronoun: front } : null, finite, start };
  const p = countedPhrase(tokens, front) ?? phraseAfter(tokens, front);
  // A fronted time is an adverbial, and the subject follows the verb: "Vergangene Woche berichtete die „Kyiv Post“".
  if (p && isTime(tokens, p)) return { speaker: subjectAfter(tokens, finite), finite, start };
  // "Der Zeitung sagte Filep Karma": "der" before a feminine noun is a dative (or genitive), never the subject.
  const dative = p !== null && tokens[p.start]!.lower === 'der' && FEMININE_HEAD.test(tokens[p.head]!.lower);
  if (p && !dative && !OBJECT_ARTICLE.test(tokens[p.start]!.lower) && subjectReaches(tokens, p, finite)) {
    // A fronted thing is the object when someone follows the verb: "Eine Verschiebung des Wahltermins bezeichnete Conze als fatal".
    // Not when what was said follows as a clause, which is the object: in "Die Kampagne warf Obama vor, er habe …" Obama is
    // accused. Only a phrase with its article: bare ones are objects as often ("Vorwürfe wies Diepgen zurück, es sei …").
    const fronted = speakerLike(tokens, { phrase: p }) || personNoun(tokens[p.end - 1]!) || (isDeterminer(tokens[p.start]) && saysClause(tokens, end));
    const after = fronted ? null : subjectAfter(tokens, finite);
    // A plural verb cannot have one name for its subject: in "Kritiker werfen Obama vor" Obama is the object. Nor is
    // a bare quotation after the verb, which is a title or slogan: "Die neue Version verspricht „Metasuche ohne Müll“".
    const agrees =
      after && 'phrase' in after && !(pluralVerb(tokens[finite]!) && singularName(tokens, after.phrase)) && tokens[after.phrase.start]!.kind !== 'open';
    return { speaker: agrees && headSpeakerLike(tokens, after) ? after : { phrase: p }, finite, start };
  }
  return { speaker: verbAfterOther(tokens, finite), finite, start };
}

/**
 * The subject of a subordinate clause whose verb comes after an insertion: "…, wie Burt Rutan,
 * Chef der Firma Scaled Composites, mitteilte".
 */
function subjectOfInterruptedClause(tokens: Token[], start: number, v: number, end: number): { phrase: Phrase; opener: number } | null {
  if (start < 2 || tokens[start - 1]!.text !== ',' || !verbFinal(tokens, v, end)) return null;
  const inserted = clauseStart(tokens, start - 1);
  if (inserted < 2 || tokens[inserted - 1]!.text !== ',') return null;
  const opener = clauseStart(tokens, inserted - 1);
  if (!SUBORDINATORS.has(tokens[opener]!.lower)) return null;
  const p = phraseAfter(tokens, skipAdverbials(tokens, opener + 1));
  return p && p.end === inserted - 1 && !OBJECT_ARTICLE.test(tokens[p.start]!.lower) ? { phrase: p, opener } : null;
}

/**
 * The subject of a verb that follows something other than its subject. A second verb right after
 * "und" shares the first one's ("… und warfen der Regierung vor"), so what follows it is its object
 * ("Er … und bezeichnete die Erweiterung als notwendig").
 */
function verbAfterOther(tokens: Token[], finite: number): Speaker | null {
  if (tokens[finite - 1]?.lower !== 'und') return subjectAfter(tokens, finite);
  const shared = sharedSubject(tokens, finite);
  if (shared) return shared;
  let front = 0;
  while (front < finite && CONJUNCTIONS.has(tokens[front]!.lower)) front++;
  return isPersonalPronoun(tokens[front]) && finiteVerbIn(tokens, front + 1, finite) === front + 1 ? { pronoun: front } : null;
}

/**
 * Whether a subject may be someone who speaks: a person, role, organisation or outlet, or a name
 * without an article ("Wagner", "Beobachter"), but not a thing ("Seine Zuversicht", "Das Motiv").
 */
function speakerLike(tokens: Token[], s: Speaker | null): boolean {
  if (!s || 'pronoun' in s) return s !== null;
  const { phrase } = s;
  // A quoted name is an outlet's or a group's: "die „Kyiv Post“".
  if (tokens[phrase.head]!.kind === 'open') return true;
  for (let k = phrase.head; k < phrase.end; k++) {
    const t = tokens[k]!;
    if (t.flags & (ROLE | ORG | MEDIA) || GIVEN_NAMES.has(t.text) || ORGANISATIONS.has(t.text)) return true;
  }
  // Without an article, a name ("Wagner", "Greenpeace") but not a common noun ("Vergleiche", "Totschlag").
  const last = tokens[phrase.end - 1]!;
  return !isDeterminer(tokens[phrase.start]) && (last.kind !== 'word' || !isCommonNoun(last.lower) || /\p{Lu}.*\p{Lu}/u.test(last.text));
}

/** Whether the phrase's head itself may speak, not only someone in its genitive: "der Sprecher der Polizei", not "das Auftreten der Polizei". */
function headSpeakerLike(tokens: Token[], s: Speaker): boolean {
  if ('pronoun' in s) return true;
  let end = s.phrase.head + 1;
  while (end < s.phrase.end && tokens[end]!.cap) end++;
  return speakerLike(tokens, { phrase: { ...s.phrase, end } });
}

/**
 * The subject of a main clause ending before `end`, whatever its verb: the phrase before the finite
 * verb ("Der Bundespräsident sparte nicht mit Kritik") or after it when something else comes first
 * ("In einem Interview äußerte sich der EU-Außenbeauftragte Javier Solana zuversichtlich").
 */
function mainSubject(tokens: Token[], end: number): Speaker | null {
  let finite = finiteVerbIn(tokens, 0, end);
  // The verb of an inserted relative or subordinate clause is not the main one: "Der Ermittler, der als Zeuge gilt, will …".
  for (let guard = 0; guard < 3 && finite > 0; guard++) {
    const start = clauseStart(tokens, finite);
    if (start === 0 || !(RELATIVE.has(tokens[start]!.lower) || SUBORDINATORS.has(tokens[start]!.lower)) || tokens[start - 1]!.text !== ',') break;
    const after = clauseEnd(tokens, finite);
    if (tokens[after]?.text !== ',') return null;
    finite = finiteVerbIn(tokens, after + 1, end);
  }
  if (finite <= 0 || tokens[finite]!.quoted) return null;
  let front = 0;
  while (front < finite && (CONJUNCTIONS.has(tokens[front]!.lower) || BETWEEN.has(tokens[front]!.lower))) front++;
  if (front === finite) return subjectAfter(tokens, finite);
  if (front + 1 === finite && isPersonalPronoun(tokens[front])) return { pronoun: front };
  if (tokens[finite - 1]!.text === ',') {
    const before = subjectBeforeInsertion(tokens, finite);
    return before ? { phrase: before } : null;
  }
  const counted = countedPhrase(tokens, front);
  const p = counted ?? phraseAfter(tokens, front);
  if (p && !OBJECT_ARTICLE.test(tokens[p.start]!.lower) && subjectReaches(tokens, p, finite)) {
    // "Mehrere Fragen beantwortete der Minister nicht", "Jegliche Mitverantwortung weist Hartmann von sich": a fronted
    // thing is the object when someone follows the verb.
    const after = !speakerLike(tokens, { phrase: p }) ? subjectAfter(tokens, finite) : null;
    return after && headSpeakerLike(tokens, after) ? after : { phrase: p };
  }
  return subjectAfter(tokens, finite);
}

/** The sentence's subject shared by a second verb after "und" or a comma: "Podolski war anwesend und sagte, …", "Die UN bestätigten den Zwischenfall, teilten jedoch mit, …". */
function sharedSubject(tokens: Token[], finite: number): Speaker | null {
  if (tokens[finite - 1]?.lower !== 'und' && tokens[finite - 1]?.text !== ',') return null;
  let front = 0;
  while (front < finite && CONJUNCTIONS.has(tokens[front]!.lower)) front++;
  const p = phraseAfter(tokens, front);
  const verb = p ? tokens[p.end] : undefined;
  if (!p || !verb || verb.kind !== 'word' || verb.cap || verb.quoted || OBJECT_ARTICLE.test(tokens[p.start]!.lower) || p.end >= finite - 1) return null;
  // Its own verb, or a complement before it ("Die US-Botschaft im Irak stellte …"); not "Genau so hatte ich …, sagte der 20-Jährige".
  return isPreposition(verb) || isDeterminer(verb) || finiteVerbIn(tokens, p.end, p.end + 1) === p.end ? { phrase: p } : null;
}

/**
 * Whether the cue verb at `v` has one of its separable particles later in its clause, or may
 * stand alone ("") and is not completed by a particle that makes it another verb ("schreibt … zu").
 */
function hasParticle(tokens: Token[], v: number, particles: readonly string[], end: number, prepositions = false): boolean {
  const last = tokens[end - 1]!;
  if (particles.includes('')) return end - 1 === v || !PARTICLES.has(last.lower) || particles.includes(last.lower) || last.lower === 'weiter';
  // A verb-final clause puts the particle first: "wie die Bank bekannt gab".
  const before = tokens[v - 1];
  if (before && !before.quoted && particles.includes(before.lower)) return true;
  for (let k = v + 1; k < end; k++) {
    if (!particles.includes(tokens[k]!.lower) || tokens[k]!.quoted) continue;
    // Before a noun or a number it is a preposition: "warfen Feuerwerkskörper vor dem Gebäude" is not "vorwerfen".
    const next = tokens[k + 1];
    if (!prepositions && k < end - 1 && next && (isDeterminer(next) || next.cap || next.kind === 'num')) continue;
    return true;
  }
  return false;
}

/** The clause end after a dash or parenthesis insertion, or a name in apposition between commas, that interrupts a clause ending at `end`. */
function pastInsertions(tokens: Token[], end: number): number {
  let at = end;
  for (let guard = 0; guard < 2; guard++) {
    const t = tokens[at];
    if (!t) break;
    if (t.text === '–' || t.text === '—' || t.text === '(') {
      const close = insertionClose(tokens, at, MAX_INSERTION);
      if (close < 0) break;
      at = clauseEnd(tokens, close);
    } else if (t.text === ',') {
      const close = nameOrDateInsertion(tokens, at + 1);
      if (close < 0) break;
      at = clauseEnd(tokens, close);
    } else break;
  }
  return at;
}

/**
 * The comma closing a short insertion that only names or dates ("Andreas Huber", "der Leiter der
 * Behörde", "dem 27. März"), or -1: a word in lower case other than an article makes it a clause.
 */
function nameOrDateInsertion(tokens: Token[], from: number): number {
  for (let k = from; k < tokens.length && k < from + 9; k++) {
    const t = tokens[k]!;
    if (t.text === ',') return k > from ? k : -1;
    if (t.quoted || !(t.cap || t.kind === 'num' || t.text === '.' || isDeterminer(t))) return -1;
  }
  return -1;
}

/** A parenthesis after a speech verb's clause that still belongs to it: "(24. Oktober)". */
const SHORT_INSERTION = 8;

const NEGATIONS = new Set(['nicht', 'nie', 'niemals', 'keine', 'keinen', 'keinerlei', 'weder']);

/** Whether the clause from `start` to `end` is negated. */
function negated(tokens: Token[], start: number, v: number, end: number): boolean {
  for (let k = start; k < end; k++) {
    const t = tokens[k]!;
    // "sagt Cameron und meint damit weder …": a second verb's negation is not the speech act's.
    if (k > v && COORDINATORS.has(t.lower) && tokens[k + 1]?.kind === 'word' && !tokens[k + 1]!.cap) return false;
    if (NEGATIONS.has(t.lower) && !t.quoted) return true;
  }
  return false;
}
const COORDINATORS = new Set(['und', 'oder', 'sondern']);
/** Possessives that open a phrase: "seine Zuversicht", "deren Anwalt". */
const OWNED = new Set([...POSSESSIVES, 'dessen', 'deren']);
/** Endings of abstract nouns, never of a person or a body: "Tötung", "Zuversicht", "Ergebnis". */
const ABSTRACT = /(?:ung|heit|keit|ion|tät|nis|ismus|sicht)$/;
/** A lower-case inflected adjective: "ersten", "neue". */
const isAdjectiveBefore = (tokens: Token[], k: number) => {
  const t = tokens[k];
  return t !== undefined && t.kind === 'word' && !t.cap && !(t.flags & FUNCTION) && ADJECTIVE_ENDING.test(t.lower);
};
/** Subordinators of a condition, whose speech is supposed: "Wenn die SPÖ glaubt, …". */
const CONDITIONAL = new Set(['wenn', 'falls', 'sofern']);
/** Subordinators of a clause that says when or why, not what: "nachdem X berichtet hatte" (conditions are left out before). */
const CIRCUMSTANTIAL = new Set(['nachdem', 'als', 'bevor', 'weil', 'da', 'obwohl', 'obgleich', 'während', 'seit', 'seitdem', 'sobald', 'damit', 'indem']);

/** Sources named by a phrase, split on "und" ("Telegram-Nachrichten und Geheimdienstquellen"). */
function namesOf(tokens: Token[], p: Phrase, out: string[]): void {
  const name = sourceName(tokens, p);
  if (name && !out.includes(name)) out.push(name);
  if (tokens[p.end]?.lower === 'und' || tokens[p.end]?.lower === 'sowie') {
    const q = phraseAfter(tokens, p.end + 1);
    if (q) namesOf(tokens, q, out);
  }
}

function addSpeaker(tokens: Token[], s: Speaker | null, out: string[], state: { pronoun: 'er' | 'sie' | null; at: number }): boolean {
  if (!s) return false;
  if ('pronoun' in s) {
    const t = tokens[s.pronoun]!;
    if (t.lower === 'sie') {
      const verb = tokens[s.pronoun - 1] ?? tokens[s.pronoun + 1];
      if (verb && /(?:en|ten)$/.test(verb.lower) && !/(?:ete|te)$/.test(verb.lower)) return false;
    }
    state.pronoun = t.lower as 'er' | 'sie';
    state.at = out.length;
    return true;
  }
  const before = out.length;
  namesOf(tokens, s.phrase, out);
  return out.length > before;
}

/** Words after a comma that open reported content: "sagte, dass …", "fragte, ob …", "berichtete, wonach …". */
const CONTENT_OPENERS = new Set(['dass', 'daß', 'ob', 'wonach', 'wie', 'warum', 'weshalb', 'wer', 'was', 'wann', 'wo', 'welche', 'welcher', 'welches']);
/** Words after a comma that open an infinitive of purpose or manner, whose "zu" is not reported content. */
const NOT_CONTENT = new Set(['um', 'ohne', 'statt', 'anstatt']);
/** A "zu" infinitive written as one word: "zurückzutreten", "anzusprechen", "einzutreten". */
const JOINED_ZU_INFINITIVE = /^(?:ab|an|auf|aus|bei|ein|fest|her|hin|mit|nach|vor|weg|zurück|voran|hervor|heraus|dar|fort|weiter|bekannt|klar|los|zusammen)zu\p{Ll}{3,}n$/u;

/** Whether the clause from `from` to its end speaks in the reporting moods: Konjunktiv I or II, or a "zu" infinitive ("forderte sie auf, … zu verlassen"). */
function reportingClause(tokens: Token[], from: number): boolean {
  const end = clauseEnd(tokens, from);
  for (let k = from; k < end; k++) {
    const t = tokens[k]!;
    if (t.quoted) continue;
    if (reportedMoodAt(tokens, k, true) || (t.lower === 'zu' && k + 1 < end && !tokens[k + 1]!.cap) || JOINED_ZU_INFINITIVE.test(t.lower)) return true;
  }
  return false;
}

/**
 * Whether a relative clause on the noun before opens at `at`: a relative pronoun before "sich", a
 * pronoun or a preposition ("…, die sich den Respekt verdient habe"), never before a noun or a
 * verb ("…, die Regierung habe …", "…, das sei falsch"), which say what was said.
 */
function relativeClauseAt(tokens: Token[], at: number): boolean {
  const pronoun = tokens[at]!;
  const next = tokens[at + 1];
  if (!RELATIVE.has(pronoun.lower) || pronoun.quoted || !next) return false;
  return next.lower === 'sich' || isPersonalPronoun(next) || isPreposition(next);
}

/** What follows the comma at `comma` when it is what someone said: "…, dass …" or a clause in reported mood ("…, er habe …"). */
function contentAfterComma(tokens: Token[], comma: number): 'opener' | 'reported' | null {
  const next = tokens[comma + 1];
  if (!next) return null;
  if (relativeClauseAt(tokens, comma + 1)) return null;
  return THAT_OPENERS.has(next.lower) && !next.quoted ? 'opener' : reportingClause(tokens, comma + 1) ? 'reported' : null;
}

/** What was said follows the verb's clause as a clause of its own: ", dass …", ", er habe …", ": „…“". */
function saysClause(tokens: Token[], end: number): boolean {
  const mark = tokens[end]?.text;
  if (mark === ':') return tokens[end + 1]?.kind === 'open';
  return mark === ',' && !tokens[end + 1]?.quoted && contentAfterComma(tokens, end) !== null;
}

/** The clause boundary after a verb's clause ending at `end`, past a short parenthesis ("(24. Oktober)"). */
function contentBoundary(tokens: Token[], end: number): number {
  let at = end;
  for (let guard = 0; guard < 4 && tokens[at]?.text === '('; guard++) {
    const close = insertionClose(tokens, at, SHORT_INSERTION);
    if (close < 0) break;
    at = clauseEnd(tokens, close);
  }
  return at;
}

/** How a speech verb frames what was said: a quotation, "…, sagte X", "wie X sagte", a colon, "sagte, dass …", or a reported clause. */
type Frame = 'quote' | 'inverted' | 'wie' | 'colon' | 'opener' | 'reported';

/**
 * How a speech verb frames something said, or null when it takes only an object: "Der Minister
 * kündigte eine Lösung an" reports an act, not a quotable claim.
 */
function frameOf(tokens: Token[], speaker: Speaker | null, start: number, finite: number, end: number): Frame | null {
  if (tokens.some((t) => t.quoted)) return 'quote';
  const inverted = speaker !== null && ('pronoun' in speaker ? speaker.pronoun : speaker.phrase.start) > finite;
  // "…, sagte X" and "…, so schätzen die Forscher, …": what was said comes first.
  if (inverted && start > 0 && (start === finite || (start + 1 === finite && tokens[start]!.lower === 'so'))) return 'inverted';
  if (start < finite && tokens[start]!.lower === 'wie') return 'wie';
  // A subject in apposition after the verb reaches past the clause: "erklärte der Direktor, Mohammed el-Baradei, Nordkorea besitze …".
  const speakerEnd = speaker && 'phrase' in speaker ? speaker.phrase.end : end;
  const at = contentBoundary(tokens, speakerEnd > end && tokens[speakerEnd]?.text === ',' ? speakerEnd : end);
  const boundary = tokens[at];
  if (!boundary) return null;
  if (boundary.text === ':') return at + 1 < tokens.length ? 'colon' : null;
  if (boundary.text !== ',') return null;
  const next = tokens[at + 1];
  if (!next) return null;
  if (CONTENT_OPENERS.has(next.lower)) return 'opener';
  if (NOT_CONTENT.has(next.lower)) return null;
  return reportingClause(tokens, at + 1) ? 'reported' : null;
}

/** Whether the cue verb at `v` frames content (see `frameOf`); the cue lexicon is trained on this split. */
export function cueFramesContent(tokens: Token[], v: number): boolean {
  const end = clauseEnd(tokens, v);
  const { speaker, finite, start } = speakerOf(tokens, v, end);
  return frameOf(tokens, speaker, start, finite, end) !== null;
}

/** What kind of speaker a phrase names, as evidence for how far to trust it. */
function speakerKind(tokens: Token[], s: Speaker): string {
  if ('pronoun' in s) return 'pronoun';
  const { phrase } = s;
  let flags = 0;
  for (let k = phrase.head; k < phrase.end; k++) {
    const t = tokens[k]!;
    if (GIVEN_NAMES.has(t.text)) return 'person';
    flags |= t.flags;
  }
  if (flags & ROLE) return 'role';
  if (flags & MEDIA) return 'media';
  if (flags & ORG) return 'org';
  if (flags & REPORT) return 'report';
  if (tokens[phrase.head]!.kind === 'open') return 'quoted';
  return isDeterminer(tokens[phrase.start]) ? 'noun' : 'bare';
}

/** The verb as evidence: its Snowball stem and the separable particle that closes its clause ("teil+mit"). */
function verbKey(tokens: Token[], v: number): string {
  const end = clauseEnd(tokens, v);
  const last = tokens[end - 1];
  const particle = last && end - 1 > v && PARTICLES.has(last.lower) && !last.quoted ? `+${last.lower}` : '';
  return germanStem(tokens[v]!.lower) + particle;
}

/**
 * The attribution of one sentence, or null when it names no speaker. English sentences use the
 * English patterns ("X said", "according to X", "X told reporters").
 */
export function attribute(tokens: Token[], language: Language): Attribution | null {
  if (language === 'en') return attributeEnglish(tokens);
  const outer: string[] = [];
  const speakers: string[] = [];
  const inner: string[] = [];
  const features: string[] = [];
  const state = { pronoun: null as 'er' | 'sie' | null, at: 0 };
  let backward = false;
  let spoke = false;
  /** The subject of a speech verb that frames nothing ("Lammert würdigte die Bundeswehr …"): the speaker only when no one else speaks. */
  let bare: { speaker: Speaker; verb: string; reports: boolean } | null = null;
  const cite = (route: string, cited: Phrase | null, into: string[]) => {
    if (!cited) return;
    // "nach Angaben des Sprechers der Polizei, Hans Müller, …": the person in apposition to a role is the source, as with a speech verb.
    const p = (namesRole(tokens, cited) ? apposition(tokens, cited) : null) ?? cited;
    const before = into.length;
    namesOf(tokens, p, into);
    if (into.length > before) features.push(route, `${route}/${speakerKind(tokens, { phrase: p })}`);
  };
  const speak = (route: string, s: Speaker | null, extra: string[] = []) => {
    if (!s || !addSpeaker(tokens, s, speakers, state)) return false;
    features.push(route, `${route}/${speakerKind(tokens, s)}`, ...extra);
    // "sagte der Minister der Zeitung Welt am Sonntag": the outlet spoken to published it, outermost in the chain.
    const outlet = 'phrase' in s ? outletAddressedAfter(tokens, s.phrase) : null;
    if (outlet) namesOf(tokens, outlet, outer);
    return true;
  };
  /** "aus Regierungskreisen" cites only next to a speech verb ("verlautete", "hieß es"); alone it is an origin. */
  const speaks = tokens.some((t) => t.flags & CUE && !t.quoted && !t.cap) || tokens.some((t) => t.lower === 'heißt' || t.lower === 'hieß');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted || !(t.flags & (CITATION | CUE))) continue;
    const lower = t.lower;
    if (lower === 'laut' || lower === 'gemäß' || lower === 'according') {
      cite('laut', lautPhrase(tokens, i), outer);
    } else if (lower === 'zufolge') {
      const floor = clauseStart(tokens, i);
      let p = phraseBefore(tokens, i, floor, true);
      // "dem Bericht vom Donnerstag zufolge": the date belongs to the report, which is the source.
      if (p && isTime(tokens, p) && DATED.has(tokens[p.start - 1]?.lower ?? '')) p = phraseBefore(tokens, p.start - 1, floor, true);
      cite('zufolge', p, outer);
    } else if ((lower === 'nach' && !afterTime(tokens, i)) || lower === 'aus' || lower === 'seitens') {
      // "nach Angaben der Polizei", "nach einem Bericht der Zeitung" — but not "nach dem Urteil des Gerichts", which is a time.
      const p = phraseAfter(tokens, i + 1);
      // "nach Grupps Meinung": the noun that says it is a citation comes after its possessor.
      const head = p ? tokens[possessorOf(tokens, p) >= 0 ? p.head + 1 : p.head]! : undefined;
      const article = p && p.start < p.head && isDeterminer(tokens[p.start]) ? tokens[p.start]!.lower : '';
      const report = (head?.flags ?? 0) & REPORT;
      const cited = NACH_NOUNS.has(head?.lower ?? '') || REPORT_COMPOUND.test(head?.lower ?? '') || (report && article.startsWith('ein'));
      if (p && head && cited && (lower === 'nach' || speaks)) cite(lower, p, outer);
      // "Nach dem Bericht von Human Rights Investigation sollen …" cites, "nach dem Urteil des Gerichts" is a time: the model weighs
      // which. Without an owner ("nach dem am Montag gefällten Urteil") it is a time.
      else if (p && head && report && lower === 'nach' && article.startsWith('d') && hasOwner(tokens, p)) {
        const before = features.length;
        cite(lower, p, outer);
        if (features.length > before) features.push('nach/definite');
      }
    } else if (heisstEs(tokens, i)) {
      // "In einer Erklärung hatte es geheißen": the finite verb is the auxiliary before "es".
      const finite = lower === 'geheißen' ? i - 2 : i;
      const fronted = frontedSource(tokens, finite);
      if (fronted) {
        spoke = speak('heisst', { phrase: fronted }) || spoke;
        continue;
      }
      const j = skipAdverbials(tokens, lower === 'geheißen' ? i + 1 : i + 2);
      const prep = tokens[j]?.lower;
      if (prep === 'aus' || prep === 'von' || prep === 'vom' || prep === 'bei' || prep === 'beim' || prep === 'in' || prep === 'im' || prep === 'seitens') {
        const p = phraseAfter(tokens, j + 1);
        if (p && speak('heisst', { phrase: p })) {
          spoke = true;
          // "So hieß es aus dem Ministerium." points back; "So heißt es in der Meldung: „…“" says what follows.
          if (clauseStart(tokens, i) === 0 && finite <= 1 && tokens[clauseEnd(tokens, i)]?.text !== ':') backward = true;
        }
      }
    } else if (lower === 'so' && tokens[i - 1]?.text === ',' && !spoke) {
      const p = phraseAfter(tokens, i + 1);
      const rest = p ? afterComplements(tokens, p.end) : -1;
      const after = tokens[rest];
      // Whatever else follows the speaker must not be a clause of its own: "…, so eine Information des BKA nach der Bekanntgabe am Donnerstag."
      const closes = !after || after.text === '.' || after.text === ',' || after.text === '(' || after.text === ':' || finiteVerbIn(tokens, rest, clauseEnd(tokens, rest)) < 0;
      if (p && closes) spoke = speak('so', { phrase: p });
    } else if (CHAIN_CUES.some((cue) => cue[0] === lower && startsWith(tokens, i, cue))) {
      const cue = CHAIN_CUES.find((c) => startsWith(tokens, i, c))!;
      const p = phraseAfter(tokens, i + cue.length);
      // "unter Verweis auf die Anschläge" points to evidence; only a source or a report is one's source.
      if (p && (cue[1] !== 'verweis' || speakerLike(tokens, { phrase: p }) || tokens[p.head]!.flags & REPORT)) cite('chain', p, inner);
    } else if (!spoke && t.flags & CUE && (!t.cap || i === 0)) {
      const particles = CUE_VERBS.get(lower);
      // "bei meinen Videos", "meinen ersten Titel": a possessive before its noun, not "meinen".
      if (!particles || (isDeterminer(t) && (isNounLike(tokens[i + 1]) || (isAdjectiveBefore(tokens, i + 1) && isNounLike(tokens[i + 2]))))) continue;
      let end = clauseEnd(tokens, i);
      if (!hasParticle(tokens, i, particles, end)) {
        // "gab der Leiter, Andreas Huber, bekannt", "gab heute – nach Untersuchungen – Professor X bekannt".
        const wider = pastInsertions(tokens, end);
        if (wider === end || !hasParticle(tokens, i, particles, wider)) continue;
        end = wider;
      }
      if (tokens[end]?.text === ')') continue;
      if (particles.includes('hervor') && !particles.includes('')) {
        // "Aus dem Bericht geht hervor, dass …": the source is where it emerges from.
        const from = tokens.findIndex((u, k) => k < end && u.lower === 'aus' && !u.quoted);
        const p = from >= 0 && tokens.some((u) => u.lower === 'dass') ? phraseAfter(tokens, from + 1) : null;
        if (p) spoke = speak('hervor', { phrase: p });
        continue;
      }
      const { speaker: subject, finite, start } = speakerOf(tokens, i, end);
      const { speaker, quoted } = quotedBy(tokens, i, subject, finite, end);
      // "Damit bestätigt sich die Befürchtung": a suspicion that proves true, not someone confirming it.
      if (lower.startsWith('bestätig') && tokens.slice(start, end).some((u) => u.lower === 'sich' && !u.quoted)) continue;
      // "gab die Behörde nicht bekannt", "wollte nicht bestätigen, dass …": a source that declines to speak asserts nothing.
      if (negated(tokens, start, i, end)) continue;
      // "Wenn die SPÖ glaubt, …, wird sie Schiffbruch erleiden": speech in a condition is supposed, not reported.
      if (CONDITIONAL.has(tokens[start]!.lower) && verbFinal(tokens, i, end)) continue;
      // "Deren rituelle Tötung beschreibt …", "Seine Zuversicht gründet sich …": someone's act or state does not speak; "Sein Kollege" does.
      if (speaker && 'phrase' in speaker && OWNED.has(tokens[speaker.phrase.start]!.lower) && ABSTRACT.test(tokens[speaker.phrase.head]!.lower)) continue;
      const framed = frameOf(tokens, speaker, start, finite, end);
      // "So sagte Gabriel: „…“", "So sagte Müller, die Lage sei ernst": what follows is what was said, not the sentence before.
      // "So sagte Olli Rehn, EU-Erweiterungskommissar: „…“": a colon and a quotation after the speaker's apposition.
      const quotedAfter = () => tokens.some((u, k) => k > end && u.kind === 'open' && tokens[k - 1]!.text === ':');
      const forward = tokens[end]?.text === ':' || (tokens[0]!.lower === 'so' && ((framed !== null && framed !== 'quote') || quotedAfter()));
      const refersBack = start === 0 && finite === 1 && BACKWARD_OPENERS.has(tokens[0]!.lower) && !forward;
      const frame = refersBack ? 'back' : framed;
      const verb = `v:${verbKey(tokens, i)}`;
      if (!frame) {
        // Verbs that report speech even with only an object ("bezeichnete … als", "forderte den Rücktritt") are trained apart from the rest.
        const reports = BARE_CUE_VERBS.get(lower)?.some((p) => hasParticle(tokens, i, [p], end, true)) ?? false;
        // "…, nachdem Mitglieder von Greenpeace von der Abschaltung berichtet hatten": what led up to the sentence, not its source.
        if (speaker && !bare && !(CIRCUMSTANTIAL.has(tokens[start]!.lower) && verbFinal(tokens, i, end))) bare = { speaker, verb, reports };
        continue;
      }
      if (speak('speech', speaker, [`frame:${frame}`, verb])) {
        spoke = true;
        backward ||= refersBack;
        cite('quoted-by', quotingAgent(tokens, i, start, end), outer);
        cite('quotes', quoted, inner);
      }
    }
  }
  if (!spoke) {
    // "X: „…“" and "Der Bundespräsident sparte nicht mit Kritik: „…“": a quotation after a colon is the subject's.
    const colon = tokens.findIndex((t) => t.text === ':');
    if (colon > 0 && tokens[colon + 1]?.kind === 'open') {
      const p = phraseAfter(tokens, 0);
      // "Erkki Tuomioja, Präsident des Rats der Europäischen Union: „…“".
      const described = p && tokens[p.end]?.text === ',' ? phraseAfter(tokens, p.end + 1) : null;
      // "Merkel zur Flüchtlingskrise: „…“", "Ein Hauptkommissar nach der Festnahme: „…“".
      const topic = p && isPreposition(tokens[p.end]) && (!isDeterminer(tokens[p.start]) || tokens[p.head]!.flags & ROLE) ? phraseAfter(tokens, p.end + 1) : null;
      // "Koppelin wörtlich: „…“", "Merkel dazu: „…“".
      const adverbs = p ? skipAdverbials(tokens, p.end) : -1;
      const subject = p && (p.end === colon || adverbs === colon || described?.end === colon || topic?.end === colon) ? { phrase: p } : mainSubject(tokens, colon);
      if (speakerLike(tokens, subject)) spoke = speak('colon', subject);
    }
  }
  if (!spoke) {
    // "„…“, freute sich der Minister", "„…“, erinnerte sich Trotnow": whatever the verb, the quotation is its subject's,
    // unless the subject is someone's message ("„…“, lautet seine Botschaft").
    const v = verbAfterOpeningQuotation(tokens);
    const subject = v >= 0 ? subjectAfter(tokens, v) : null;
    const owned = subject && 'phrase' in subject && POSSESSIVES.has(tokens[subject.phrase.start]!.lower);
    if (subject && !owned && speakerLike(tokens, subject)) spoke = speak('after-quote', subject, [`v:${verbKey(tokens, v)}`]);
  }
  // Under a citation, a speech verb without content only says whom the cited source reports ("nach Angaben der APA hat Klien … zurückgewiesen"):
  // the citation is the evidence, the speaker joins its chain.
  if (!spoke && bare) {
    if (outer.length) addSpeaker(tokens, bare.speaker, speakers, state);
    else spoke = speak('speech', bare.speaker, [bare.reports ? 'frame:reports' : 'frame:none', bare.verb]);
  }
  // Under a citation ("laut einem Bericht"), the subject of a verb framing a clause is what the report is about.
  if (!spoke && !outer.length) {
    const framed = framedBySubject(tokens);
    if (framed) spoke = speak('framed', framed.speaker, framed.features);
  }
  const sources = [...outer, ...speakers.filter((s) => !outer.includes(s)), ...inner.filter((s) => !outer.includes(s) && !speakers.includes(s))];
  if (!sources.length && !state.pronoun) return null;
  const onlyAttributes = backward && !tokens.some((t) => t.lower === 'dass' || t.kind === 'open' || t.text === ':');
  return { sources, pronoun: state.pronoun, pronounAt: outer.length + Math.min(state.at, speakers.length), backward, onlyAttributes, features };
}

const OWNER_MARKS = new Set(['der', 'des', 'von', 'vom']);
/** Whether a phrase names an owner after its head: "dem Bericht der BBC", "dem Bericht von Human Rights Investigation". */
const hasOwner = (tokens: Token[], p: Phrase) => tokens.slice(p.head + 1, p.end).some((t) => OWNER_MARKS.has(t.lower) && !t.quoted);

/** The verb right after a quotation that opens the sentence and a comma ("„…“, freute sich …"), or after its own full stop, or -1. */
function verbAfterOpeningQuotation(tokens: Token[]): number {
  if (tokens[0]?.kind !== 'open') return -1;
  const close = tokens.findIndex((t) => t.kind === 'close');
  // The comma may be missing after a quotation that ends its own sentence: "„… etabliert.“ erklärte Eisenmann".
  const at = tokens[close + 1]?.text === ',' ? close + 2 : close > 0 && /^[.!?]$/.test(tokens[close - 1]!.text) ? close + 1 : -1;
  const verb = tokens[at];
  if (close < 0 || at < 0 || !verb || verb.kind !== 'word' || verb.cap || verb.quoted || verb.flags & FUNCTION) return -1;
  return at;
}

/**
 * A thing with "das" ("Das Wichtigste ist, dass …"), or one word before a copula that reaches the comma past
 * adverbs only, which is an adjective: "Offen ist nun, ob …", "Unklar war am Freitag, ob …".
 */
const predicativeThing = (tokens: Token[], p: Phrase, copula: number, comma: number) =>
  tokens[p.start]!.lower === 'das' || (p.start === 0 && p.end === 1 && copula === 1 && skipAdverbials(tokens, copula + 1) === comma);

/** Finite forms of "sein", which frame a clause without anyone saying it unless their subject may speak. */
const COPULA = new Set(['ist', 'sind', 'war', 'waren', 'sei', 'seien', 'wäre', 'wären']);

/** Openers of a clause that is what someone thinks or says: "ist der Meinung, dass …", "prüft, ob …". */
const THAT_OPENERS = new Set(['dass', 'daß', 'ob', 'wonach']);

/**
 * A main clause of any verb that frames content, with a subject that may speak: "Die Regierungen
 * haben signalisiert, dass …", "Metzges ist der Meinung, dass …", "Die GdF zeigt kein Verständnis,
 * es seien davon 5.300 Arbeitsplätze abhängig". The cue lexicon lists the verbs train shows to report
 * speech; here the verb and the word before the comma are only evidence, for the model to weigh.
 */
function framedBySubject(tokens: Token[]): { speaker: Speaker; features: string[] } | null {
  // Only the comma that closes the sentence's first clause frames what its subject says.
  const c = tokens.findIndex((t, k) => k > 0 && t.text === ',' && !t.quoted);
  if (c < 0 || c === tokens.length - 1 || clauseStart(tokens, c - 1) !== 0) return null;
  // "gerodet, um Flächen zu gewinnen": a purpose, not what anyone said.
  if (NOT_CONTENT.has(tokens[c + 1]!.lower)) return null;
  const frame = contentAfterComma(tokens, c);
  if (!frame) return null;
  const verb = finiteVerbIn(tokens, 0, c);
  // "Bei den Kameras wird die Lumix hervorgehoben, die …": a passive frame has no speaker but its agent, which the cue verbs read.
  if (verb > 0 && PASSIVE.has(tokens[verb]!.lower) && PARTICIPLE.test(tokens[c - 1]!.lower)) return null;
  // "Rot-Grün habe …, Schwarz-Gelb sei …", "Dieser Wert würde gelten, bevor …", "1.000 Fahrzeuge sollen fahren, …": a first clause
  // in Konjunktiv or with hearsay "sollen" is itself reported or supposed; its subject frames nothing.
  if (verb > 0 && (reportedMoodAt(tokens, verb, true) || SOLLEN.has(tokens[verb]!.lower))) return null;
  const subject = verb > 0 ? mainSubject(tokens, c) : null;
  if (!subject) return null;
  // "Klar ist, dass …", "Das Wichtigste ist, dass …": with a copula, an adjective or a neuter thing says nothing.
  const unlike = !speakerLike(tokens, subject);
  if (unlike && COPULA.has(tokens[verb]!.lower) && 'phrase' in subject && predicativeThing(tokens, subject.phrase, verb, c)) return null;
  const before = tokens[c - 1]!;
  const features = [`frame:${frame}`, `v:${verbKey(tokens, verb)}`, `last:${before.kind === 'word' ? germanStem(before.lower) : before.kind}`];
  if (unlike) features.push('framed/unlike');
  if (negated(tokens, 0, c, c)) features.push('framed/negated');
  return { speaker: subject, features };
}

/** The first capitalised word after `from`, past a few lower-case ones: "the broadcaster Suspilne", "the Pentagon". */
function pastLowerCase(tokens: Token[], from: number): number {
  let j = from;
  while (j < from + 3 && tokens[j]?.kind === 'word' && !tokens[j]!.cap && !tokens[j]!.quoted) j++;
  return j;
}

/** "John Kirby, a spokesman for the National Security Council, said": the name before the apposition that ends at `comma`. */
function nameBeforeApposition(tokens: Token[], comma: number): Phrase | null {
  let open = comma - 1;
  while (open > 0 && comma - open < MAX_INSERTION && tokens[open]!.text !== ',') open--;
  if (open <= 0 || tokens[open]!.text !== ',') return null;
  const p = phraseAfter(tokens, clauseStart(tokens, open - 1));
  return p && p.end === open ? p : null;
}

const EN_VERBS = new Set(['said', 'says', 'told', 'stated', 'claimed', 'announced', 'denied', 'added', 'warned', 'reported', 'confirmed', 'insisted', 'argued', 'wrote', 'tweeted']);

/** English: "according to X", "X said", "said X", "X told reporters", "X, a spokesman for Y, said", "citing Y". */
function attributeEnglish(tokens: Token[]): Attribution | null {
  const sources: string[] = [];
  const cited: string[] = [];
  let pronoun: 'er' | 'sie' | null = null;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (t.quoted || t.kind !== 'word') continue;
    if (t.lower === 'according' && tokens[i + 1]?.lower === 'to') {
      const p = phraseAfter(tokens, pastLowerCase(tokens, i + 2));
      if (p) namesOf(tokens, p, sources);
    } else if (t.lower === 'citing') {
      // "Newsweek reported, citing the broadcaster Suspilne": the source the speaker relies on, inner in the chain.
      const p = phraseAfter(tokens, pastLowerCase(tokens, i + 1));
      if (p) namesOf(tokens, p, cited);
    } else if (EN_VERBS.has(t.lower)) {
      const start = clauseStart(tokens, i);
      // After a closing quotation mark the quotation is what was said, not who said it.
      const before = tokens[i - 1]?.kind === 'close' ? null : phraseBefore(tokens, i, start);
      const apposed = tokens[i - 1]?.text === ',' ? nameBeforeApposition(tokens, i - 1) : null;
      if (before && before.end === i) namesOf(tokens, before, sources);
      else if (apposed) namesOf(tokens, apposed, sources);
      else if (tokens[i - 1]?.lower === 'he' || tokens[i - 1]?.lower === 'she') pronoun = tokens[i - 1]!.lower === 'he' ? 'er' : 'sie';
      else if (i === start || tokens[i - 1]?.kind === 'close') {
        const after = phraseAfter(tokens, pastLowerCase(tokens, i + 1));
        if (after) namesOf(tokens, after, sources);
      }
    }
  }
  sources.push(...cited.filter((c) => !sources.includes(c)));
  if (!sources.length && !pronoun) return null;
  return { sources, pronoun, pronounAt: sources.length, backward: false, onlyAttributes: false, features: ['english'] };
}
