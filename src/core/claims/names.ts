/**
 * From a source phrase to the name the newsroom sees. Articles, prepositions and quote marks go;
 * a role before a name goes ("Kreml-Chef Wladimir Putin" → "Wladimir Putin"); what someone said
 * is reduced to who said it ("Angaben des Geheimdiensts" → the service); and inflection is undone
 * so "des ukrainischen Geheimdiensts" and "laut ukrainischem Geheimdienst" give one source,
 * "ukrainischer Geheimdienst".
 */
import { FUNCTION, GIVEN_NAMES, isCommonNoun, isNotNoun, isOrgNoun, isOrgPlural, isRole, MEDIA, ORG, PLACES, REPORT, ROLE } from './lexicon.ts';
import { extendedAttributeEnd, isDeterminer, isPreposition, joinsQuotedName, joinsTruncatedCompound, opensOneOf, phraseAfter, type Phrase } from './phrases.ts';
import type { Token } from './tokens.ts';
import { isTimeWord, SELF_STANDING_REPORTS, SHARE } from './words.ts';

type Gender = 'm' | 'f' | 'n' | 'pl';

const FEMININE = /(?:ung|heit|keit|schaft|ion|tät|ei|ie|ik|ur|anz|enz|ee|e)$/;
const NEUTER =
  /(?:um|ment|tum|chen|lein|amt|institut|gericht|militär|parlament|kabinett|komitee|büro|kommando|portal|blatt|magazin|regime|volk|land|unternehmen|nis|team|haus|werk|sekretariat|konsulat|kommissariat|personal|kreuz|organ|gremium|fernsehen|radio|resultat|gutachten|schreiben|papier|protokoll|interview|video|gesetz|urteil|verfahren)$/;
const MASCULINE_E = /(?:experte|kollege|zeuge|kunde|bote|franzose|russe|türke|grieche|chinese)$/;
/** Weak masculine nouns lose "-en" in the singular: "des Präsidenten" → "Präsident". */
const WEAK_MASCULINE = /(?:ent|ant|ist|at|oge|af|oph|et)en$/;
/** Participles used as nouns, which "-eten" shares with "Athleten": "den Abgeordneten", "den Geflüchteten". */
const PARTICIPLE_NOUN = /^(?:ab|an|auf|aus|be|ein|ent|er|ge|mit|nach|über|unter|ver|vor|zer)\p{L}*eten$/u;
/** Weak nouns in -e lose their "-n": "des Experten" → "Experte". */
const WEAK_E = /(?:experte|kollege|zeuge|kunde|bote)n$/;

/** The dative plural's "-n" of report nouns whose plural ends in "-e": "laut internen Berichten" → "interne Berichte". */
const DATIVE_PLURAL_N = /(?<=(?:berichte|erkenntnisse|ergebnisse))n$/i;

/** Adjectives for which "nach offiziellen Angaben" names nobody. */
const VAGUE = /^(?:eigen|neu|erst|bisherig|vorläufig|vorliegend|unbestätigt|übereinstimmend|jüngst|aktuell|letzt|weiter|ander|verschieden|mehrer|einig|zahlreich|viel|dies|jen|deren$|dessen$|monatelang|jahrelang|wochenlang|tagelang|langwierig|umfangreich)/;

const GENERIC_REPORT = /(?:berichten|berichte|bericht|meldungen|meldung|gerüchten)$/;
const REPORT_PARTS = ['angaben', 'informationen', 'erkenntnissen', 'erkenntnisse', 'aussagen', 'schätzungen', 'berichten', 'berichte', 'meldungen', 'meinung'];
/**
 * Compounds that name a source by what it said: "Polizeiangaben" → "Polizei", and hyphenated after an
 * acronym or a name: "DNA-Schätzungen" → "DNA", "US-Angaben" → "US".
 */
const REPORT_COMPOUND = new RegExp(
  `^(?:(\\p{Lu}\\p{L}{2,}?)(?:${REPORT_PARTS.join('|')})|(\\p{Lu}[\\p{L}\\d]*)-(?:${REPORT_PARTS.map((part) => part[0]!.toUpperCase() + part.slice(1)).join('|')}))$`,
  'u',
);

/**
 * The gender of a head noun from its ending, else from a singular article only a feminine noun
 * takes ("die Privatbank", "einer Bank", and "der" where the phrase is not the subject: "laut der Zentralbank").
 */
function genderOf(noun: string, plural: boolean, article: string, oblique: boolean): Gender {
  const lower = noun.toLowerCase();
  if (plural || isOrgPlural(lower)) return 'pl';
  if (NEUTER.test(lower)) return 'n';
  if (MASCULINE_E.test(lower)) return 'm';
  if (FEMININE.test(lower) || lower.endsWith('in') || article === 'die' || article === 'eine' || article === 'einer' || (oblique && article === 'der')) return 'f';
  return 'm';
}

/** Adjectives of names: "Rote(s) Kreuz", "Weiße(s) Haus", "Statistische(s) Bundesamt", "Europäische(r) Gerichtshof" (not "Frankfurter", which does not inflect). */
const NAME_ADJECTIVE = /^[\p{Ll}-]*(?:sch|lich|ig|bar|sam|haft|los|al|ell|iv|är|rot|weiß|schwarz|grün|neu|frei|vereint)(?:e|en|em|es)$/u;
const isNameAdjective = (t: Token) => t.kind === 'word' && t.cap && !t.quoted && !(t.flags & (ROLE | ORG | MEDIA)) && NAME_ADJECTIVE.test(t.lower);

/**
 * Whether a phrase stands in the genitive or dative: after a preposition ("laut der Bank"), a noun
 * ("Angaben der Bank"; not a capitalised conjunction: "Als der Minister …"), or before "zufolge".
 */
function isOblique(tokens: Token[], p: Phrase): boolean {
  const before = tokens[p.start - 1];
  return isPreposition(before) || (before?.cap === true && !(before.flags & FUNCTION)) || tokens[p.end]?.lower === 'zufolge';
}

/** Nominative without article: "ukrainisch" + m → "ukrainischer", f/pl → "ukrainische", n → "ukrainisches". */
function nominativeAdjective(adjective: string, gender: Gender): string {
  if (!/[a-zäöüß](?:e|en|em|er|es)$/.test(adjective) || /\d/.test(adjective)) return adjective;
  const stem = adjective.replace(/(?:e|en|em|er|es)$/, '');
  return stem + (gender === 'm' ? 'er' : gender === 'n' ? 'es' : 'e');
}

const POSSESSIVE = /^(?:mein|dein|sein|ihr|unser|euer|eur)(e|es|em|en|er)?$/;
const ARTICLE_OF_ENDING: Record<string, string> = { e: 'die', es: 'des', em: 'dem', en: 'den', er: 'der' };

/** A possessive as the article of its case, which is what inflection depends on: "seines Anwalts" as "des Anwalts". */
function caseArticle(determiner: string): string {
  const m = POSSESSIVE.exec(determiner);
  return m ? (m[1] ? ARTICLE_OF_ENDING[m[1]]! : 'ein') : determiner;
}

/** Undoes genitive, weak and dative-plural endings of the head noun given its article. */
function nominativeNoun(noun: string, article: string): { noun: string; plural: boolean } {
  const lower = noun.toLowerCase();
  const singular = article === 'des' || article === 'eines' || article === 'dem' || article === 'einem' || article === 'den' || article === 'einen';
  if (singular && WEAK_MASCULINE.test(lower) && !PARTICIPLE_NOUN.test(lower)) return { noun: noun.slice(0, -2), plural: false };
  if (singular && WEAK_E.test(lower)) return { noun: noun.slice(0, -1), plural: false };
  if (article === 'des' || article === 'eines') {
    if (lower.endsWith('nisses')) return { noun: noun.slice(0, -3), plural: false };
    if (lower.endsWith('ees')) return { noun: noun.slice(0, -1), plural: false };
    if (lower.length > 5 && /[^aeiouäöü]es$/.test(lower)) return { noun: noun.slice(0, -2), plural: false };
    if (/[^s]s$/.test(lower)) return { noun: noun.slice(0, -1), plural: false };
    return { noun, plural: false };
  }
  if ((article === '' || article === 'den') && /(?:ern|eln|kreisen)$/.test(lower)) return { noun: noun.slice(0, -1), plural: true };
  const pluralArticle = article === '' || article === 'den' || article === 'der' || article === 'die';
  const plural = pluralArticle && lower.endsWith('en') && !FEMININE.test(lower) && !isRole(lower) && !isOrgNoun(lower);
  return { noun, plural };
}

/** Joins tokens with the spacing they had in the sentence. */
function joinTokens(tokens: Token[], from: number, to: number, replace?: Map<number, string>): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const t = tokens[k]!;
    if (t.kind === 'open' || t.kind === 'close') continue;
    // An English article opening a name is left out, as a German one is: "The Daily Telegraph" is "Daily Telegraph".
    if (!out && t.text === 'The' && k + 1 < to) continue;
    const prev = tokens[k - 1];
    // Marks are left out, but a compound's hyphen stays on the quoted name it follows ("Bild-Zeitung").
    const joined = prev !== undefined && prev.start + prev.text.length === t.start && (prev.kind === 'close' ? t.text === '-' : prev.kind !== 'open');
    if (out && joined) out += replace?.get(k) ?? t.text;
    else out += (out && !(prev?.text === '(') ? ' ' : '') + (replace?.get(k) ?? t.text);
  }
  return out.replace(/\s+\)/g, ')').trim();
}

const isName = (t: Token) => GIVEN_NAMES.has(t.text);
const isRoleWord = (t: Token) => (t.flags & (ROLE | MEDIA)) !== 0;

/** Where the name starts inside a run of capitalised words, after any role words; -1 when the run is a noun. */
function nameStart(tokens: Token[], head: number, end: number): number {
  for (let k = head; k < end; k++) {
    const t = tokens[k]!;
    if (t.kind === 'open') return k > head && isRoleWord(tokens[k - 1]!) ? k : k === head ? -1 : k;
    if (isName(t)) return k;
    if (k > head && isRoleWord(tokens[k - 1]!) && !isRoleWord(t) && t.kind === 'word' && t.cap) return k;
  }
  return -1;
}

const NAME_PARTICLE = /^(?:von|van|de|al|bin|ibn|da|di|del|della|dello|delle|degli|le|la|dos|du)$/;

/** End of the capitalised head run of a phrase (before parenthesis and attachments). */
function headEnd(tokens: Token[], p: Phrase): number {
  let k = p.head;
  let inQuote = false;
  for (; k < p.end; k++) {
    const t = tokens[k]!;
    if (t.kind === 'open') inQuote = true;
    else if (t.kind === 'close') inQuote = false;
    else if (inQuote || (t.kind === 'word' && t.cap) || (t.kind === 'num' && k > p.head)) continue;
    else if (NAME_PARTICLE.test(t.text) && (tokens[k + 1]?.cap || (/^(?:der|den)$/.test(tokens[k + 1]?.text ?? '') && tokens[k + 2]?.cap))) continue;
    else if (joinsQuotedName(tokens, k) || joinsTruncatedCompound(tokens, k)) continue;
    else if ((t.text === 'der' || t.text === 'den') && /^(?:von|Von|Van|van|Ten|ten)$/.test(tokens[k - 1]?.text ?? '') && tokens[k + 1]?.cap) continue;
    else break;
  }
  return k;
}

/** How many spoke, which names them after a report noun ("Angaben mehrerer Zeugen") though not before it ("nach mehreren Angaben"). */
const QUANTIFIER = /^(?:mehrer|einig|viel|zahlreich|ander|verschieden)/;

/** Who a report noun's phrase leaves out: "Angaben libanesischer Sicherheitskreise", "Schätzung von spanischen Händlern", "Angaben aus Khartum". */
function reportFollower(tokens: Token[], end: number): Phrase | null {
  const next = tokens[end];
  if (!next || next.quoted) return null;
  if (next.lower === 'von' || next.lower === 'vom') {
    const owner = phraseAfter(tokens, end + 1);
    return owner && !isDate(tokens[owner.end - 1]!) ? owner : null;
  }
  // "Angaben aus Khartum", "aus Bankenkreisen": a place or circle the report came from, not a thing ("aus jenen Produkten").
  if (next.lower === 'aus') {
    const origin = phraseAfter(tokens, end + 1);
    const head = origin ? tokens[origin.end - 1]! : undefined;
    const known = head && (PLACES.has(head.text) || head.flags & (ORG | MEDIA | ROLE) || /kreisen?$/.test(head.lower) || !isCommonNoun(head.lower));
    return origin && known && !isDate(head) ? origin : null;
  }
  if (next.kind === 'word' && !next.cap && next.lower.endsWith('er') && (!VAGUE.test(next.lower) || QUANTIFIER.test(next.lower))) return phraseAfter(tokens, end);
  return null;
}

/** A day, month or other time, which dates a report rather than naming who made it. */
const isDate = (t: Token) => t.kind === 'num' || isTimeWord(t.lower);

/** An acronym naming an organisation or outlet: "UNHCR", "CNN". */
const isAcronymToken = (t: Token) => t.kind === 'word' && t.text.length > 1 && /^[\p{Lu}\d&-]+$/u.test(t.text);

/** A name's genitive ending: "Russlands", "Ibrahims" (not an acronym's "s": "AIs" is rare, "USA" is no genitive). */
const GENITIVE_S = /\p{Ll}s$/u;

/**
 * The possessor of a report noun written before it, as names are: "Grupps Meinung", "Putins
 * Worten", "Merkels Sprecher". The index of the name, or -1.
 */
export function possessorOf(tokens: Token[], p: Phrase): number {
  if (p.start !== p.head || headEnd(tokens, p) !== p.head + 2) return -1;
  const owner = tokens[p.head]!;
  const noun = tokens[p.head + 1]!;
  const genitive = owner.kind === 'word' && owner.cap && !owner.quoted && owner.text.length >= 4 && /(?:s|['’])$/.test(owner.text);
  return genitive && !(owner.flags & (REPORT | FUNCTION)) && noun.kind === 'word' && noun.flags & REPORT ? p.head : -1;
}

const SELF_STANDING_TAILS = [...SELF_STANDING_REPORTS];
/** A report noun that stands for its source, alone or as a compound's last part: "Studie", "Laboranalyse", "Abschlussbericht". */
const selfStanding = (lower: string) =>
  SELF_STANDING_REPORTS.has(lower) || SELF_STANDING_TAILS.some((tail) => lower.length >= tail.length + 3 && lower.endsWith(tail));

/**
 * The display name of the source a phrase names, or null when it names nobody in particular
 * ("Berichten", "offiziellen Angaben").
 */
export function sourceName(tokens: Token[], p: Phrase): string | null {
  const owner = possessorOf(tokens, p);
  if (owner >= 0) return tokens[owner]!.text.replace(/(?:s|['’])$/, '');
  const end = headEnd(tokens, p);
  const headToken = tokens[p.head]!;
  // "60 Prozent", "die Hälfte der Befragten": a share of a survey's answers, which the survey speaks for.
  if (SHARE.test(headToken.lower)) return null;
  // What someone said stands for who said it: "Angaben des Geheimdiensts", "Sprecher der Polizei", "Angaben von Experten".
  if (headToken.flags & REPORT) {
    // A parenthesis after the name ("Aussagen von Klaus Wowereit (SPD)") attaches nothing.
    const attached = end < p.end && tokens[end]!.text !== '(' ? end : p.head + 1 < end && tokens[p.head + 1]!.text === 'von' ? p.head + 1 : -1;
    if (attached >= 0) {
      const from = tokens[attached]!.text === 'von' || tokens[attached]!.text === 'für' ? attached + 1 : attached;
      const inner = phraseAfter(tokens, from);
      // "dem Bericht vom Donnerstag" is dated, not owned: the report itself is the source.
      const dated = inner && tokens[attached]!.lower.startsWith('vo') && isDate(tokens[inner.end - 1]!);
      if (inner && !dated) return sourceName(tokens, { ...inner, end: Math.min(inner.end, p.end) });
    }
    // A genitive name right after the noun, named without its genitive s: "Angaben Ibrahims", "Meinung Russlands".
    if (end === p.end && end > p.head + 1 && tokens[p.head + 1]!.kind === 'word') {
      const last = tokens[end - 1]!;
      const genitive = GENITIVE_S.test(last.text) ? new Map([[end - 1, last.text.slice(0, -1)]]) : undefined;
      return joinTokens(tokens, p.head + 1, end, genitive) || null;
    }
    const follower = end === p.end ? reportFollower(tokens, end) : null;
    if (follower) return sourceName(tokens, follower);
    const adjective = tokens[p.head - 1];
    // Capitalised only as the sentence's first word: "Offiziellen Angaben zufolge".
    const lower = adjective && (!adjective.cap || (adjective.start === 0 && isNotNoun(adjective.lower)));
    if (p.head > p.start && adjective && adjective.kind === 'word' && lower && !isDeterminer(adjective) && !VAGUE.test(adjective.lower))
      return `${nominativeAdjective(adjective.lower, 'pl')} ${headToken.text.replace(DATIVE_PLURAL_N, '')}`;
    // "laut einer Umfrage", "so die Studie", "sagte ein Sprecher": the document or the speaker itself.
    if (selfStanding(headToken.lower) && end === p.head + 1) {
      const article = isDeterminer(tokens[p.start]) ? tokens[p.start]!.lower : '';
      return nominativeNoun(headToken.text, article).noun;
    }
    return null;
  }
  // "Berichten zufolge": what was reported, by nobody in particular; "Augenzeugenberichten zufolge" still names who reported it.
  if (GENERIC_REPORT.test(headToken.lower) && end === p.end && !REPORT_COMPOUND.test(headToken.text)) return null;
  const named = nameStart(tokens, p.head, end);
  if (named >= 0) {
    const runEnd = named < end ? end : p.end;
    const text = joinTokens(tokens, named, runEnd);
    return text || null;
  }
  // "Einer der Feuerwehrmänner", "einige der Moslems": some of a group, whose words stay in the genitive.
  const ofGroup = opensOneOf(tokens, p.start) || (tokens[p.start + 1]?.lower === 'der' && !isDeterminer(tokens[p.start]));
  if (ofGroup && p.head > p.start + 1) {
    const group = joinTokens(tokens, p.start + 2, end);
    return group ? `${tokens[p.start]!.lower} ${tokens[p.start + 1]!.text} ${group}` : null;
  }
  const article = p.start < p.head && isDeterminer(tokens[p.start]) ? caseArticle(tokens[p.start]!.lower) : '';
  // "des UN-Flüchtlingshilfswerks UNHCR", "des Senders CNN", "des Verbandes Bitkom": the noun before a name carries the case.
  const last = tokens[end - 1]!;
  const before = tokens[end - 2];
  const genitiveNoun = before !== undefined && /s$/.test(before.lower) && isCommonNoun(before.lower.slice(before.lower.lastIndexOf('-') + 1));
  const nameAfter = isAcronymToken(last) || (last.kind === 'word' && !isCommonNoun(last.lower) && genitiveNoun);
  const lastHead = end - 2 >= p.head && before!.kind === 'word' && nameAfter ? end - 2 : end - 1;
  const compound = tokens[lastHead]!.text.match(REPORT_COMPOUND);
  const replace = new Map<number, string>();
  let headNoun = tokens[lastHead]!.text;
  let plural = false;
  if (compound) {
    headNoun = (compound[1] ?? compound[2])!.replace(/(?<=(?:ung|heit|keit|schaft|ion|tät))s$/, '');
    // "örtlichen Medienberichten": a modifier in -en is a plural ("Medien", "Behörden").
    plural = /en$/.test(headNoun);
    replace.set(lastHead, headNoun);
  } else {
    const nominative = nominativeNoun(headNoun, article);
    headNoun = nominative.noun;
    plural = nominative.plural;
    replace.set(lastHead, headNoun);
  }
  const gender = genderOf(headNoun, plural || (article === 'die' && /en$/.test(headNoun)), article, isOblique(tokens, p));
  // An extended attribute ("der für die Region zuständige Koordinator") is not part of the name.
  const from = article ? extendedAttributeEnd(tokens, p.start + 1) : p.start;
  for (let k = from; k < p.head; k++) {
    const t = tokens[k]!;
    const count = k === p.start && !article ? COUNT.exec(t.lower) : null;
    // A count without an article is plural, and capitalised only as the sentence's first word: "Mehrere Zeugen", "mehrerer Zeugen" are "mehrere Zeugen".
    if (count) replace.set(k, `${count[1]}e`);
    else if (t.kind === 'word' && !t.cap) replace.set(k, nominativeAdjective(t.text, gender));
    else if (t.kind === 'word' && t.start === 0 && t.flags & FUNCTION) replace.set(k, t.lower);
  }
  // An adjective that is part of the name, inflected like any other once the article is gone: "das Rote Kreuz", "laut Rotem Kreuz" → "Rotes Kreuz".
  for (let k = p.head; k < lastHead; k++) {
    const t = tokens[k]!;
    if ((article || t.lower.endsWith('em')) && isNameAdjective(t)) replace.set(k, nominativeAdjective(t.text, gender));
  }
  // A parenthesis after a person is an age or party ("(46)", "(SPD)"); after an organisation it is its acronym.
  let stop = p.end;
  if (tokens[end]?.text === '(' && !(tokens[lastHead]!.flags & ORG || /für/.test(joinTokens(tokens, p.head, end)))) stop = end;
  if (tokens[end]?.text === '(' && /^\d+$/.test(tokens[end + 1]?.text ?? '')) stop = end;
  const text = joinTokens(tokens, from, stop, replace);
  // "beide" is a determiner that counts: "nach Angaben beider Seiten" names both sides, not one.
  return text ? (article && BOTH.test(tokens[p.start]!.lower) ? `beide ${text}` : text) : null;
}

const BOTH = /^beide[nr]?$/;
const COUNT = /^(mehrer|einig|viel|zahlreich|ander|manch|weiter|wenig|beid)(?:e|er|en)$/;
