/**
 * Noun phrases over a sentence's tokens, found by a bounded forward or backward walk: a German
 * phrase is (article) (adjectives) capitalised words (genitive or "für" attachment) (parenthesis).
 * The walks never revisit a token, so each call is linear in the phrase it returns.
 */
import { FUNCTION, isCommonNoun, isNotNoun, MEDIA, ORG, ORGANISATIONS, OUTLETS, REPORT, ROLE } from './lexicon.ts';
import type { Token } from './tokens.ts';
import { ADVERBS, DETERMINERS, isTimeWord, MONTHS, POSSESSIVES, PREPOSITIONS, PRONOUNS, WEEKDAYS } from './words.ts';

/** Token range [start, end) of a phrase; `head` is the first capitalised word. */
export interface Phrase {
  start: number;
  end: number;
  head: number;
}

/** Longest run of capitalised words one phrase may hold ("Nordkorea-Machthaber Kim Jong Un"). */
const MAX_CAPS = 6;
const MAX_ADJECTIVES = 4;
/** A quoted name ("Newsweek", „Kyiv Independent“) is short; a longer quotation is speech. */
const MAX_QUOTED_NAME = 6;

export const ADJECTIVE_ENDING = /(?:e|en|em|er|es)$/;
/** Adverbs and adjectives that open a sentence capitalised: "Offiziell", "Sinngemäß", "Entsprechend", "Gleichzeitig". */
const SENTENCE_ADVERB = /(?:lich|isch|weise|mals|falls|seits|dings|gemäß|wärts|ell|end|zeitig|tig)$/;
/** Name particles inside a person's name ("Ursula von der Leyen", "Osama bin Laden"). */
const NAME_PARTICLES = new Set(['von', 'van', 'de', 'al', 'bin', 'ibn', 'da', 'di', 'del', 'della', 'dello', 'delle', 'degli', 'le', 'la', 'dos', 'du']);
const ATTACH_GENITIVE = new Set(['des', 'der', 'eines', 'einer', 'seines', 'seiner', 'ihres', 'ihrer']);
/** Head nouns that take a "für …" complement inside a name: "Institut für Kriegsstudien". */
const FUER_HEAD = /(?:institut|amt|ministerium|zentrum|kommission|komitee|rat|stiftung|verband|organisation|agentur|büro|gesellschaft|bund|beauftragte|beauftragter|behörde|akademie|hochkommissar|stelle)(?:e?s)?$/;

export const isDeterminer = (t: Token | undefined) => t !== undefined && (DETERMINERS.has(t.lower) || POSSESSIVES.has(t.lower));

/** "WHO", "DIE", "AND": an all-capital acronym is a name even when its letters spell a function word. */
const isAcronym = (text: string) => text.length > 1 && text === text.toUpperCase() && text !== text.toLowerCase();

/** A web address names its outlet even in lower case: "laut bildblog.de", "faz.net zufolge". */
const WEB_ADDRESS = /^[a-z0-9-]{2,}(?:\.[a-z0-9-]{2,})*\.(?:de|at|ch|com|net|org|eu|info|tv|fm|uk|fr|it|es|ru|ua|io)$/;

const AGE_NOUN = /^\d{1,3}-Jährigen?$/;

/** A compound of a name written in lower case and a noun: "ai-Bericht", "eBay-Chef", "dpa-Meldung". */
const LOWER_COMPOUND = /^\p{Ll}[\p{L}\d]*-\p{Lu}\p{Ll}+$/u;

/**
 * A capitalised word that can be part of a name or noun (not a sentence-initial function word), or
 * a web address or known outlet in lower case ("laut taz").
 */
export function isNounLike(t: Token | undefined): boolean {
  if (t?.kind === 'word' && !t.cap && (WEB_ADDRESS.test(t.text) || ORGANISATIONS.has(t.text) || LOWER_COMPOUND.test(t.text))) return true;
  // An age as a noun: "der 20-Jährige", "die 46-Jährige".
  if (t?.kind === 'num' && AGE_NOUN.test(t.text)) return true;
  if (!t || t.kind !== 'word' || !t.cap || (t.flags & FUNCTION && !isAcronym(t.text))) return false;
  return t.start !== 0 || !(SENTENCE_ADVERB.test(t.lower) || isNotNoun(t.lower));
}

/**
 * An attributive adjective or number inside a phrase ("ukrainischen", "70-jährige", "18"): in lower
 * case, or opening the sentence when the dictionaries know it only in lower case ("Offiziellen Angaben zufolge").
 */
function isAdjective(t: Token | undefined): boolean {
  if (!t || t.quoted) return false;
  if (t.kind === 'num') return true;
  if (t.kind !== 'word' || t.flags & FUNCTION || (t.cap && !(t.start === 0 && isNotNoun(t.lower)))) return false;
  return ADJECTIVE_ENDING.test(t.lower) || t.lower.includes('-');
}

/** Prepositions that open an attribute between an article and its noun ("einer am Dienstag veröffentlichten Mitteilung", "der für die Region zuständige Koordinator"). */
const ATTRIBUTE_OPENERS = new Set(['am', 'im', 'vom', 'von', 'in', 'an', 'auf', 'zum', 'zur', 'bei', 'beim', 'nach', 'vor', 'seit', 'für', 'unter', 'mit', 'aus', 'über', 'gegen']);
const MAX_ATTRIBUTE = 4;

/**
 * Where an extended attribute after an article ends: at its participle or adjective, which then
 * reads as the noun's adjective ("einer am Dienstag veröffentlichten Pressemitteilung des WFP").
 * `j` itself when no attribute starts there.
 */
export function extendedAttributeEnd(tokens: Token[], j: number): number {
  if (!ATTRIBUTE_OPENERS.has(tokens[j]?.lower ?? '') || tokens[j]!.cap) return j;
  let marks = 0;
  for (let k = j + 1; k <= j + MAX_ATTRIBUTE + marks && k < tokens.length; k++) {
    const t = tokens[k]!;
    // A quoted name may stand in it, its marks not counted: "Der unter dem Spitznamen „Muslix64“ auftretende Hacker".
    if (t.kind === 'open' || t.kind === 'close') {
      marks++;
      continue;
    }
    if (t.quoted && t.kind === 'word') continue;
    if (t.kind !== 'word' && t.kind !== 'num') return j;
    if (t.kind === 'word' && isAdjective(t) && isNounLike(tokens[k + 1])) return k;
  }
  return j;
}

/** Index after a quoted name starting at `i` (an opening mark), or -1 when it is not a short name. */
function quotedNameEnd(tokens: Token[], i: number): number {
  const open = tokens[i];
  if (!open || open.kind !== 'open') return -1;
  // A title may open with its article: „Die Zeit“, „Der Standard“.
  const first = isDeterminer(tokens[i + 1]) && tokens[i + 1]!.cap ? i + 2 : i + 1;
  for (let j = i + 1; j < tokens.length && j <= i + MAX_QUOTED_NAME + 1; j++) {
    const t = tokens[j]!;
    // Its first word is a noun, or in lower case as outlets write theirs ("„heise online“", "„taz“"): a word or two, no more.
    if (t.kind === 'close') return j > first && (isNounLike(tokens[first]) || (j - first <= 2 && tokens[first]!.kind === 'word')) ? j + 1 : -1;
    if (t.kind === 'punct' && t.text !== '-' && t.text !== '&' && t.text !== '.') return -1;
  }
  return -1;
}

const adjacent = (a: Token, b: Token | undefined) => b !== undefined && a.start + a.text.length === b.start;

/** Whether token `k` is the hyphen of a compound on a quoted name ("„Bild“-Zeitung"): a name, not a clause border. */
export function joinsQuotedName(tokens: Token[], k: number): boolean {
  const dash = tokens[k];
  const mark = tokens[k - 1];
  return dash?.text === '-' && mark?.kind === 'close' && adjacent(mark, dash) && isNounLike(tokens[k + 1]) && adjacent(dash, tokens[k + 1]);
}

/** Whether "einer der", "eine der" or "eines des" opens at `i`: one of the group that follows. */
export const opensOneOf = (tokens: Token[], i: number) => /^eine[rs]?$/.test(tokens[i]?.lower ?? '') && /^de[rs]$/.test(tokens[i + 1]?.lower ?? '');

const TRUNCATION_JOINS = new Set(['und', 'oder', 'sowie']);

/** Whether the word at `k` joins a truncated compound to its partner, which makes them one noun: "Forschungs- und Entwicklungsabteilung". */
export const joinsTruncatedCompound = (tokens: Token[], k: number) =>
  TRUNCATION_JOINS.has(tokens[k]!.text) && (tokens[k - 1]?.text.endsWith('-') ?? false) && isNounLike(tokens[k + 1]);

/** Reports in the dative plural, as citations use them: "nach Polizeiangaben", "laut Medienberichten". */
const PLURAL_REPORT = /(?:angaben|informationen|erkenntnissen|berichten|meldungen|aussagen|kreisen|quellen)$/;

/** Whether the capitalised words from `j` end in a genitive name: "Ibrahims", "Wladimir Putins". */
function genitiveNameAt(tokens: Token[], j: number): boolean {
  let k = j;
  while (k + 1 < tokens.length && k < j + MAX_CAPS - 1 && tokens[k + 1]!.cap && tokens[k + 1]!.kind === 'word') k++;
  return /[^s]s$/.test(tokens[k]!.text);
}

/** A short number inside a name ("Apollo 11", "Formel 1"), not a count of what follows ("nach Polizeiangaben 30 Menschen"). */
const nameNumber = (tokens: Token[], j: number) => {
  const t = tokens[j]!;
  return t.kind === 'num' && /^\d{1,2}$/.test(t.text) && tokens[j - 1]!.cap && !isNounLike(tokens[j + 1]);
};

/** Index after a run of capitalised words / quoted names from `i`, or `i` when there is none. */
function capsEnd(tokens: Token[], i: number): number {
  let j = i;
  let caps = 0;
  while (j < tokens.length && caps < MAX_CAPS) {
    const t = tokens[j]!;
    // "laut italienischen Medienberichten Champions-League-Finalist Juventus": reports in the plural take no name after them,
    // except their owner's in the genitive ("nach Angaben Ibrahims").
    if (t.quoted || (caps > 0 && (t.cap || t.kind === 'open') && PLURAL_REPORT.test(tokens[j - 1]!.lower) && !genitiveNameAt(tokens, j))) break;
    // "teilte der Konzern Mittwochabend mit": a time after a name is an adverbial, not part of it.
    if (caps > 0 && isTimeWord(t.lower) && !isTimeWord(tokens[j - 1]!.lower) && !tokens[j + 1]?.cap) break;
    const quoted = quotedNameEnd(tokens, j);
    if (quoted > 0) {
      j = joinsQuotedName(tokens, quoted) ? quoted + 2 : quoted;
      caps++;
    } else if (isNounLike(t) || (caps > 0 && nameNumber(tokens, j))) {
      j++;
      caps++;
    } else if (caps > 0 && joinsTruncatedCompound(tokens, j)) {
      j++;
    } else if (caps > 0 && (t.text === 'der' || t.text === 'den') && /^(?:Van|Von|Ten|Vander)$/.test(tokens[j - 1]!.text) && tokens[j + 1]?.cap) {
      // A particle that starts the name capitalised: "Van der Bellen".
      j++;
    } else if (caps > 0 && t.text === 'The' && isNounLike(tokens[j + 1])) {
      // An English name inside a German one: "die Tageszeitung The Daily Telegraph".
      j++;
    } else if (caps > 0 && t.text === 'zu' && nobleName(tokens, j)) {
      // "Karl-Theodor zu Guttenberg", but not "der Weg zu Gott".
      j++;
    } else if (caps > 0 && NAME_PARTICLES.has(t.text) && !(tokens[j - 1]!.flags & ROLE)) {
      const k = t.text === 'von' && tokens[j + 1]?.text === 'der' ? j + 2 : j + 1;
      if (!isNounLike(tokens[k])) break;
      j = k;
    } else break;
  }
  return j;
}

/** "zu" between two names that are not common nouns: a noble name. */
const nobleName = (tokens: Token[], j: number) =>
  [tokens[j - 1], tokens[j + 1]].every((t) => t !== undefined && t.kind === 'word' && t.cap && !t.quoted && !isCommonNoun(t.lower) && !(t.flags & ROLE));

/** Whether a phrase whose head run is [head, end) may take a genitive or "für" attachment. */
function attaches(tokens: Token[], start: number, head: number, end: number): boolean {
  // An acronym takes no genitive: in "laut NASA der überwiegende Teil" a new subject begins, and
  // in "wirft die OSZE der Wahlkommission vor" a dative object.
  if (end === head + 1 && isAcronym(tokens[head]!.text)) return false;
  if (isDeterminer(tokens[start])) return true;
  for (let k = head; k < end; k++) if (tokens[k]!.flags & (ROLE | ORG | MEDIA | REPORT)) return true;
  return false;
}

/** A name in the genitive that stands for an article before adjectives: "Berlins früherer Bürgermeister", "Irans oberster Führer". */
export function saxonGenitive(tokens: Token[], at: number): boolean {
  const t = tokens[at];
  if (!t || t.kind !== 'word' || !t.cap || t.quoted || t.text.length < 4 || !/[^s]s$/.test(t.text) || t.flags & FUNCTION) return false;
  // Not a noun's own genitive inside a phrase: "des ersten Laufes eröffnete Jelena …".
  if (isDeterminer(tokens[at - 1]) || isAdjective(tokens[at - 1])) return false;
  // A strong adjective ending, then the noun: not a verb ("Tattoos erzählen Geschichten", "Wikinews berichtete in …").
  const adjective = tokens[at + 1];
  if (!isAdjective(adjective) || adjective!.cap || !STRONG_ADJECTIVE.test(adjective!.lower)) return false;
  let k = at + 2;
  while (k < at + 1 + MAX_ADJECTIVES && isAdjective(tokens[k]) && !tokens[k]!.cap) k++;
  return tokens[k]?.cap === true;
}

/** Endings of an adjective after a genitive name ("früherer", "neues", "größte"), which past tenses ("eröffnete") and plurals ("erzählen") lack. */
const STRONG_ADJECTIVE = /(?:er|es|ste|[^t]e)$/;

/** Who works for an outlet and so may be named in its genitive: "der Chefredakteur der Zeitung". */
const MEDIA_STAFF = /(?:redakteur|redakteurin|korrespondent|korrespondentin|reporter|reporterin|herausgeber|herausgeberin|journalist|journalistin|kolumnist|kolumnistin|verleger|verlegerin|moderator|moderatorin)$/;

/**
 * "der Nachrichtenagentur dpa", "der APA" after someone is the outlet addressed, in the dative ("sagte ein
 * Regierungssprecher der Nachrichtenagentur dpa"), unless the head is a report of it ("ein Bericht
 * der Zeitung") or someone working for it.
 */
function addressedOutlet(tokens: Token[], head: number, inner: Phrase): boolean {
  const outlet = tokens[inner.head]!;
  if (tokens[inner.start]!.lower !== 'der' || !(outlet.flags & MEDIA || OUTLETS.has(outlet.text))) return false;
  const owner = tokens[head]!;
  return !MEDIA_STAFF.test(owner.lower) && !(owner.flags & (REPORT | MEDIA) && !/^sprecher(?:in)?$/.test(owner.lower));
}

/** The outlet addressed right after a speaker's phrase ("sagte der SPD-Politiker der Zeitung Welt am Sonntag"), or null. */
export function outletAddressedAfter(tokens: Token[], p: Phrase): Phrase | null {
  if (tokens[p.end]?.lower !== 'der' || tokens[p.end]!.quoted) return null;
  const inner = phraseAfter(tokens, p.end);
  let owner = p.end - 1;
  while (owner > p.head && tokens[owner]!.kind !== 'word') owner--;
  // "sagte der Manager der Zeitung": an outlet named only by what it is says nothing a reader can check.
  const named = inner && (inner.end - inner.head > 1 || OUTLETS.has(tokens[inner.head]!.text));
  return inner && named && addressedOutlet(tokens, owner, inner) ? inner : null;
}

/**
 * The noun phrase starting at token `i` (an article, adjectives, then capitalised words), with a
 * genitive ("der Sprecher des Ministeriums") or "für" attachment ("Institut für Kriegsstudien") and
 * a short parenthesis ("(ISW)", "(46)"). Null when no capitalised word follows.
 */
export function phraseAfter(tokens: Token[], i: number, depth = 0): Phrase | null {
  let j = i;
  if (isDeterminer(tokens[j]) || saxonGenitive(tokens, j)) j = extendedAttributeEnd(tokens, j + 1);
  let adjectives = 0;
  while (adjectives < MAX_ADJECTIVES && isAdjective(tokens[j]) && !isNounLike(tokens[j])) {
    j++;
    adjectives++;
  }
  const head = j;
  j = capsEnd(tokens, j);
  if (j === head) return null;
  let end = j;
  if (tokens[end]?.text === '(') {
    let k = end + 1;
    while (k < tokens.length && k < end + 6 && tokens[k]!.text !== ')' && tokens[k]!.text !== '(') k++;
    if (tokens[k]?.text === ')' && k > end + 1) end = k + 1;
  }
  // A name built with "ohne": "Ärzte ohne Grenzen", "Reporter ohne Grenzen".
  if (tokens[end]?.lower === 'ohne' && end === j && tokens[end + 1]?.cap && !isDeterminer(tokens[end + 1]) && !tokens[end + 2]?.cap) end += 2;
  if (depth < 2 && attaches(tokens, i, head, j)) {
    const next = tokens[end];
    if (next && ATTACH_GENITIVE.has(next.lower) && !next.cap) {
      const inner = phraseAfter(tokens, end, depth + 1);
      if (inner && !addressedOutlet(tokens, j - 1, inner)) end = inner.end;
    } else if (next?.lower === 'für' && FUER_HEAD.test(tokens[j - 1]!.lower)) {
      let inner = phraseAfter(tokens, end + 1, depth + 1);
      // The "und" inside the name: "Landesamt für Gesundheit und Lebensmittelsicherheit".
      const more = inner && tokens[inner.end]?.lower === 'und' ? phraseAfter(tokens, inner.end + 1, depth + 1) : null;
      if (more && !isDeterminer(tokens[more.start])) inner = more;
      if (inner) end = inner.end;
    }
  }
  return { start: i, end, head };
}

/**
 * The noun phrase ending just before `end` ("Katzian zufolge", "dem Bericht der Zeitung zufolge"),
 * walking back over capitalised words, quoted names, genitive articles, adjectives and one article.
 */
export function phraseBefore(tokens: Token[], end: number, floor: number, speakersOnly = false): Phrase | null {
  let j = end;
  let head = -1;
  let steps = 0;
  while (j > floor && steps < MAX_CAPS * 2) {
    const t = tokens[j - 1]!;
    steps++;
    if (t.kind === 'close') {
      let k = j - 2;
      while (k >= floor && k > j - MAX_QUOTED_NAME - 2 && tokens[k]!.kind !== 'open') k--;
      if (k < floor || tokens[k]!.kind !== 'open' || quotedNameEnd(tokens, k) !== j) break;
      j = k;
      head = k;
    } else if (isNounLike(t) && !t.quoted) {
      j--;
      head = j;
    } else if (head >= 0 && ATTACH_GENITIVE.has(t.lower) && !t.cap) {
      // With `speakersOnly`, only a noun that speaks for its owner takes it back: "dem Bericht der Zeitung", not "die Zahl der Toten der IOM".
      const owner = tokens[j - 2];
      if (speakersOnly && !(owner && owner.flags & (REPORT | ROLE | ORG | MEDIA))) break;
      j--;
    } else if (t.text === ')') {
      let k = j - 2;
      while (k >= floor && k > j - 7 && tokens[k]!.text !== '(') k--;
      if (k < floor || tokens[k]!.text !== '(') break;
      j = k;
    } else break;
  }
  if (head < 0) return null;
  // A sentence's first word is capitalised whatever it is: "Ersten Angaben zufolge" has an adjective, not a name.
  if (head === 0 && floor === 0 && head + 1 < end && ADJECTIVE_ENDING.test(tokens[0]!.lower) && tokens[1]!.flags & REPORT) head = 1;
  let k = j;
  while (k > floor && isAdjective(tokens[k - 1]) && !isNounLike(tokens[k - 1])) k--;
  // Adjectives name who, with an article or without: "den vorliegenden Informationen", "offiziellen chinesischen Angaben".
  j = k > floor && isDeterminer(tokens[k - 1]) ? k - 1 : k;
  return { start: j, end, head: Math.max(head, j) };
}

/** Longest dash or parenthesis insertion read past: "– nach eingehenden Untersuchungen der Berliner Baustofftechnologen –". */
export const MAX_INSERTION = 20;

/** The index of the dash or parenthesis closing the one at `at` within `reach` tokens, or -1. */
export function insertionClose(tokens: Token[], at: number, reach: number): number {
  const open = tokens[at]!.text;
  const close = open === '(' ? ')' : open;
  for (let k = at + 1; k < tokens.length && k < at + reach; k++) if (tokens[k]!.text === close) return k;
  return -1;
}

/** Skips adverbs, time phrases ("am Montag", "am 24. Oktober", "im Juni") and a dative object after a verb. */
export function skipAdverbials(tokens: Token[], i: number): number {
  let j = i;
  for (let guard = 0; guard < 8 && j < tokens.length; guard++) {
    const t = tokens[j]!;
    if (t.quoted || t.kind === 'open' || t.kind === 'close') break;
    if (ADVERBS.has(t.lower) && !t.cap) {
      j++;
      continue;
    }
    if ((t.lower === 'unter' && tokens[j + 1]?.lower === 'anderem') || (t.lower === 'vor' && tokens[j + 1]?.lower === 'allem')) {
      j += 2;
      continue;
    }
    if (t.text === '–' || t.text === '(' || t.text === '—') {
      const close = insertionClose(tokens, j, MAX_INSERTION);
      if (close < 0) break;
      j = close + 1;
      continue;
    }
    if ((t.lower === 'am' || t.lower === 'im' || t.lower === 'vom' || t.lower === 'seit') && !t.cap) {
      let k = j + 1;
      if (tokens[k]?.kind === 'num') k++;
      if (tokens[k]?.text === '.') k++;
      const w = tokens[k];
      if (w && (WEEKDAYS.has(w.lower) || MONTHS.has(w.lower))) {
        j = k + 1;
        if (tokens[j]?.kind === 'num' && /^\d{4}$/.test(tokens[j]!.text)) j++;
        continue;
      }
    }
    break;
  }
  return j;
}

const BOUNDARY = new Set([',', ';', ':', '–', '—', '-', '(', ')']);
/**
 * Commas, colons, dashes and brackets delimit clauses; quotation marks do not, since a quoted name
 * is part of one, and neither does the hyphen of a compound on it ("die „Bild“-Zeitung").
 */
const isBoundary = (tokens: Token[], k: number) => {
  const t = tokens[k]!;
  return t.kind === 'punct' && BOUNDARY.has(t.text) && !joinsQuotedName(tokens, k);
};
/** Pronouns that open a relative clause after a comma ("…, die eingesetzt werden sollen"). */
export const RELATIVE = new Set(['der', 'die', 'das', 'welcher', 'welche', 'welches', 'dem', 'den', 'deren', 'dessen']);

/** Longest parenthesis that still belongs to its clause: "(ISW)", "(SPD)", "(40)". */
const SHORT_PARENTHESIS = 6;

/** First token of the clause holding token `i`; a short parenthesis before it is part of the clause. */
export function clauseStart(tokens: Token[], i: number): number {
  for (let k = i - 1; k >= 0; k--) {
    if (tokens[k]!.text === ')') {
      let open = k - 1;
      while (open >= 0 && open >= k - SHORT_PARENTHESIS && tokens[open]!.text !== '(' && tokens[open]!.text !== ')') open--;
      if (open >= 0 && tokens[open]!.text === '(' && open < k - 1) {
        k = open;
        continue;
      }
    }
    if (isBoundary(tokens, k)) return k + 1;
  }
  return 0;
}

/**
 * Index of the boundary (or sentence end) closing the clause holding token `i`. A full stop with
 * words after it inside one sentence is an ordinal's or an abbreviation's ("am 6. Mai", "u.a."),
 * not the sentence's end.
 */
export function clauseEnd(tokens: Token[], i: number): number {
  for (let k = i + 1; k < tokens.length; k++) if (isBoundary(tokens, k) || (tokens[k]!.text === '.' && !wordAfter(tokens, k))) return k;
  return tokens.length;
}

function wordAfter(tokens: Token[], k: number): boolean {
  for (let j = k + 1; j < tokens.length; j++) if (tokens[j]!.kind === 'word' || tokens[j]!.kind === 'num') return true;
  return false;
}

/** Whether the token is a subject pronoun that attribution may resolve ("er", "sie"). */
export const isPersonalPronoun = (t: Token | undefined) => t !== undefined && (t.lower === 'er' || t.lower === 'sie');

export const isPreposition = (t: Token | undefined) => t !== undefined && PREPOSITIONS.has(t.lower) && !t.quoted;
export const isPronoun = (t: Token | undefined) => t !== undefined && PRONOUNS.has(t.lower);
