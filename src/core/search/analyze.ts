/**
 * Text analysis for the claim index (FTS5, tokenize 'unicode61 remove_diacritics 2') and for topic
 * queries typed in English or German.
 *
 * Index side: every word becomes its German Snowball stem (the "primary" term, in text order, so
 * FTS5 phrases over primaries work), followed by extra terms: the English stem of English words,
 * the stems of a compound's parts (Grenzregion → grenz, region) and the spelling key of an
 * unfamiliar capitalised word (Selenskyj → selensky). Stop words are left out.
 *
 * Query side: every word becomes a group of alternative terms — its own stems, translations
 * (FreeDict), synonyms (OpenThesaurus), the newsroom list's names and concepts, the spelling key —
 * and toFtsMatch ORs the alternatives of a group and ANDs the groups, quoting every term. A
 * group's first alternatives are the word itself (its stems, spellings, the newsroom's names and
 * concepts); the dictionaries' senses come after and rank after: "Klima" finds Stimmung and
 * Wetter too, but claims about Klima first.
 */
import { type Lexicon, listOf, loadLexicon } from './lexicon.ts';
import { PackedMap } from './packed.ts';
import { type Token, tokenize } from './normalize.ts';
import { englishStem, germanStem } from './stem.ts';
import { transliterationKey } from './transliterate.ts';

/** Query words beyond this are ignored: each is an AND-ed group, and long topics are not queries. */
export const MAX_QUERY_WORDS = 8;
/** Alternatives per query word, best first: keeps a MATCH expression small and fast. */
export const MAX_ALTERNATIVES = 24;
/** Characters and words of a topic that are analysed; stop words aside, the rest cannot reach the plan. */
const MAX_TOPIC_CHARS = 1_000;
const MAX_TOPIC_TOKENS = 3 * MAX_QUERY_WORDS;
/** Dictionary translations and synonyms taken per query word: the first ones are the common senses. */
const MAX_TRANSLATIONS = 8;
const MAX_SYNONYMS = 8;
/** English words offered for one German stem, so a German query also finds English text. */
const MAX_REVERSE_TRANSLATIONS = 2;
/** Only an English word's first translations make it a translation back of those German words. */
const REVERSE_TRANSLATION_DEPTH = 3;
/** Distinct words whose analysis is memoised; cleared when full so a long ingest stays bounded. */
const WORD_CACHE_SIZE = 100_000;

const MIN_COMPOUND_LENGTH = 7;
const MAX_COMPOUND_LENGTH = 40;
/** Three-letter modifiers are mostly prefixes the vocabulary also has as nouns (Ver|trag, Ent|lohnung). */
const MIN_MODIFIER_LENGTH = 4;
/** Shorter heads ("Daten" → dat) split too many words that are not compounds (Sol|daten). */
const MIN_HEAD_STEM_LENGTH = 4;

/** Alternatives for a query word, best first, and how many of them are the word itself. */
type Expansion = Pick<QueryGroup, 'terms' | 'literal'>;

/** One query word (or a multi-word name) and the index terms any of which may stand for it. */
export interface QueryGroup {
  /** The folded query words the group stands for. */
  words: string[];
  /** Alternatives, best first: single index terms, or phrases of terms separated by spaces. */
  terms: string[];
  /** How many of the first `terms` stand for the word itself rather than for a dictionary sense of it. */
  literal: number;
}

export interface QueryPlan {
  groups: QueryGroup[];
}

interface WordAnalysis {
  /** German Snowball stem: the term indexing stores in text order. */
  primary: string;
  /** English Snowball stem when the dictionary knows the word as English and it differs. */
  english: string | null;
  /** The German dictionary vocabulary or thesaurus knows the stem (newsroom names do not count). */
  german: boolean;
  /** Stems of compound parts other than `primary` (Grenzregion → grenz, region). */
  parts: readonly string[];
  /** Spelling key for a word no dictionary knows (a name, most likely), else null. */
  nameKey: string | null;
}

/** A newsroom name spelling as folded words, pointing at its group of spellings. */
interface NameSpelling {
  words: string[];
  group: number;
}

/** How a topic reads: English (1), German (-1) or either (0). */
type Reading = -1 | 0 | 1;

export class Analyzer {
  private readonly stopwords: Set<string>;
  /** Stems of the newsroom's one-word names: compound parts too ("Kreml" → Kremlchef). */
  private readonly nameStems = new Set<string>();
  /** Stem → "set set …", the numbers of the synonym sets it is in, smallest set first. */
  private readonly synonymsByStem: PackedMap;
  /** German stem → "english english …" (see reverseTranslations). */
  private readonly englishByGermanStem: PackedMap;
  private readonly wordCache = new Map<string, WordAnalysis>();
  /** Spellings by their first word, longest first. */
  private readonly spellingsByFirstWord = new Map<string, NameSpelling[]>();
  private readonly nameGroupByKey = new Map<string, number>();
  private readonly nameGroupTerms: string[][];
  private readonly conceptsByWord = new Map<string, number[]>();
  private readonly conceptTerms: string[][];

  constructor(private readonly lexicon: Lexicon) {
    this.stopwords = new Set([...lexicon.germanStopwords, ...lexicon.englishStopwords]);
    for (const spellings of lexicon.newsroom.names) {
      for (const spelling of spellings) {
        const tokens = tokenize(spelling);
        if (tokens.length === 1 && tokens[0]!.capitalized) this.nameStems.add(germanStem(tokens[0]!.word));
      }
    }
    const setSize = lexicon.synonyms.map((set) => listOf(set).length);
    const setsByStem = new Map<string, number[]>();
    lexicon.synonyms.forEach((set, i) => {
      for (const stem of listOf(set)) push(setsByStem, stem, i);
    });
    const setsText = new Map<string, string>();
    for (const [stem, sets] of setsByStem) setsText.set(stem, sets.sort((a, b) => setSize[a]! - setSize[b]!).join(' '));
    this.synonymsByStem = PackedMap.fromMap(setsText);
    this.englishByGermanStem = this.reverseTranslations();

    this.nameGroupTerms = lexicon.newsroom.names.map((spellings, group) => {
      const terms: string[] = [];
      for (const spelling of spellings) {
        const words = tokenize(spelling).map((t) => t.word);
        if (!words.length) continue;
        push(this.spellingsByFirstWord, words[0]!, { words, group });
        if (words.length === 1) this.nameGroupByKey.set(transliterationKey(words[0]!), group);
        terms.push(...this.phraseTerms(spelling, true));
      }
      return unique(terms);
    });
    for (const list of this.spellingsByFirstWord.values()) list.sort((a, b) => b.words.length - a.words.length);

    this.conceptTerms = lexicon.newsroom.concepts.map((concept, i) => {
      for (const word of concept.words) {
        for (const token of tokenize(word)) {
          push(this.conceptsByWord, token.word, i);
          push(this.conceptsByWord, germanStem(token.word), i);
        }
      }
      return unique([...concept.words, ...concept.related].flatMap((text) => this.phraseTerms(text, false)));
    });
  }

  /**
   * German stem → English words whose first translations it is (Straße → street), preferring first
   * over second over third: later translations are rarer senses.
   */
  private reverseTranslations(): PackedMap {
    const byStem = new Map<string, string[]>();
    const stemsOf: [string, string[]][] = [];
    this.lexicon.translations.forEach((english, stems) => stemsOf.push([english, stems.split(' ', REVERSE_TRANSLATION_DEPTH)]));
    for (let position = 0; position < REVERSE_TRANSLATION_DEPTH; position++) {
      for (const [english, stems] of stemsOf) {
        const stem = stems[position];
        if (stem === undefined) continue;
        const list = byStem.get(stem);
        if (!list) byStem.set(stem, [english]);
        else if (list.length < MAX_REVERSE_TRANSLATIONS) list.push(english);
      }
    }
    return PackedMap.fromMap(new Map([...byStem].map(([stem, english]) => [stem, english.join(' ')])));
  }

  /** The synonym sets a stem belongs to, smallest first. */
  private synonymSetsOf(stem: string): number[] {
    return listOf(this.synonymsByStem.get(stem)).map(Number);
  }

  /**
   * The FTS5 column text for `text`: primary terms in order, then the extra terms, space-separated.
   * A capitalised stop word inside the text is kept: it is part of a name ("Kim Jong Uns", "Die Linke").
   */
  indexTerms(text: string): string {
    const primaries: string[] = [];
    const extras = new Set<string>();
    tokenize(text).forEach((token, i) => {
      if (this.isStopword(token) && !(i > 0 && token.capitalized)) return;
      const analysis = this.analyse(token.word);
      primaries.push(analysis.primary);
      // A capitalised word German knows is a German noun ("Männer"), not the English "manner".
      if (analysis.english && !(token.capitalized && analysis.german)) extras.add(analysis.english);
      if (token.capitalized) {
        for (const part of analysis.parts) extras.add(part);
        if (analysis.nameKey) extras.add(analysis.nameKey);
      }
    });
    for (const primary of primaries) extras.delete(primary);
    return extras.size ? `${primaries.join(' ')} ${[...extras].join(' ')}` : primaries.join(' ');
  }

  /** Alternatives for each word of a topic. Never throws; a topic with no usable word gives no groups. */
  queryPlan(topic: string): QueryPlan {
    const tokens = tokenize(String(topic ?? '').slice(0, MAX_TOPIC_CHARS)).slice(0, MAX_TOPIC_TOKENS);
    const reading = this.reading(tokens);
    const kept = tokens.filter((t) => this.keepInQuery(t, reading, tokens.length));
    const groups: QueryGroup[] = [];
    for (let i = 0; i < kept.length && groups.length < MAX_QUERY_WORDS; ) {
      const name = this.matchName(kept, i);
      const person = name ? null : this.personName(kept, i);
      const words = name ? name.words : (person ?? [kept[i]!.word]);
      const { terms, literal } = person
        ? this.expandPerson(person)
        : name && words.length > 1
          ? this.expandPhrase(words, name.group)
          : this.expandWord(words[0]!, reading, name?.group, kept[i]!.capitalized);
      if (terms.length) groups.push({ words, terms, literal });
      i += words.length;
    }
    return { groups };
  }

  /** The dictionary has the word as English (every English word it keeps has translations). */
  private isEnglish(word: string): boolean {
    return this.lexicon.translations.has(word);
  }

  private isCompoundPart(stem: string): boolean {
    return this.lexicon.vocabulary.has(stem) || this.nameStems.has(stem);
  }

  private isStopword(token: Token): boolean {
    return !token.acronym && this.stopwords.has(token.word);
  }

  /**
   * English stop words never count. A German stop word that is an English content word counts
   * when the topic reads English ("war crimes") or is that one word ("war"), but not in
   * "die Linke": a German function word is no topic.
   */
  private keepInQuery(token: Token, reading: Reading, count: number): boolean {
    if (!this.isStopword(token)) return true;
    if (this.lexicon.englishStopwords.has(token.word)) return false;
    return (reading > 0 || count === 1) && this.isEnglish(token.word);
  }

  /** A vote of the words only one language knows. */
  private reading(tokens: Token[]): Reading {
    let votes = 0;
    for (const { word } of tokens) {
      const english = this.isEnglish(word) || this.lexicon.englishStopwords.has(word);
      const german = this.lexicon.germanStopwords.has(word) || this.analyse(word).german;
      if (english !== german) votes += english ? 1 : -1;
    }
    return votes > 0 ? 1 : votes < 0 ? -1 : 0;
  }

  /** The longest newsroom spelling starting at `kept[i]`, matched word by word or by spelling key. */
  private matchName(kept: Token[], i: number): { words: string[]; group: number } | null {
    const first = kept[i]!.word;
    for (const spelling of this.spellingsByFirstWord.get(first) ?? []) {
      const n = spelling.words.length;
      if (i + n <= kept.length && spelling.words.every((w, j) => kept[i + j]!.word === w)) {
        return { words: spelling.words, group: spelling.group };
      }
    }
    const group = this.nameGroupByKey.get(transliterationKey(first));
    return group === undefined ? null : { words: [first], group };
  }

  /**
   * A person the newsroom list does not know: capitalised first names, then one capitalised
   * surname ("Klaus Schneeberger", "Hans Peter Müller"). Read word by word, the dictionaries would
   * turn "Kurt Fischer" into fish and angling.
   */
  private personName(kept: Token[], i: number): string[] | null {
    let j = i;
    while (j < kept.length && kept[j]!.capitalized && this.lexicon.givenNames.has(kept[j]!.word)) j++;
    const surname = kept[j];
    if (j === i || !surname?.capitalized || this.isStopword(surname)) return null;
    return kept.slice(i, j + 1).map((t) => t.word);
  }

  /** A person's name as a phrase, and in the genitive ("Klaus Schneebergers"). */
  private expandPerson(words: string[]): Expansion {
    const terms = this.phraseTerms(words.join(' '), true);
    return { terms, literal: terms.length };
  }

  /** A multi-word name: the phrase as typed, then every spelling of the name. */
  private expandPhrase(words: string[], group: number): Expansion {
    const terms = capped([[words.map((w) => this.analyse(w).primary).join(' ')], this.nameGroupTerms[group]!]);
    return { terms, literal: terms.length };
  }

  /**
   * Alternatives for one query word, best first: its own terms, spelling key, newsroom name
   * spellings; then either the newsroom concept it names (curated, so it replaces the
   * dictionaries, and counts as the word itself) or dictionary translations (read as English) and
   * synonyms and English translations (read as German). A word read as English has its first
   * translation counted as itself (police → Polizei) unless it was typed with a capital, as names
   * are ("Trump" is no Trumpf).
   */
  private expandWord(word: string, reading: Reading, nameGroup: number | undefined, capitalized: boolean): Expansion {
    const analysis = this.analyse(word);
    const sources: Iterable<string>[] = [this.ownTerms(word)];
    if (analysis.nameKey) sources.push([analysis.nameKey]);
    if (nameGroup !== undefined) sources.push(this.nameGroupTerms[nameGroup]!);
    const concepts = unique([...(this.conceptsByWord.get(word) ?? []), ...(this.conceptsByWord.get(analysis.primary) ?? [])]);
    if (concepts.length) {
      const terms = capped([...sources, ...concepts.map((c) => this.conceptTerms[c]!)]);
      return { terms, literal: terms.length };
    }

    const isEnglish = this.isEnglish(word);
    const isGerman = analysis.german && !this.lexicon.germanStopwords.has(word);
    const translations = isEnglish && !(isGerman && reading < 0) ? listOf(this.lexicon.translations.get(word)).slice(0, MAX_TRANSLATIONS) : [];
    if (!capitalized) sources.push(translations.slice(0, 1));
    const literal = capped(sources).length;
    sources.push(translations);
    // A place's thesaurus and reverse-dictionary entries are wordplay (Wiener and Frankfurter sausages), not the place.
    if (isGerman && !(isEnglish && reading > 0) && !this.lexicon.places.has(word)) {
      const synonyms = this.synonymSetsOf(analysis.primary).flatMap((set) => listOf(this.lexicon.synonyms[set]));
      sources.push(unique(synonyms.filter((s) => s !== analysis.primary)).slice(0, MAX_SYNONYMS));
      sources.push(listOf(this.englishByGermanStem.get(analysis.primary)).flatMap((english) => this.ownTerms(english)));
    }
    return { terms: capped(sources), literal };
  }

  /** The terms indexing gives a word itself: German stem, and English stem if it is an English word. */
  private ownTerms(word: string): string[] {
    const { primary, english } = this.analyse(word);
    return english ? [primary, english] : [primary];
  }

  /**
   * Terms for a lexicon entry of one or more words. One word gives its own terms (and, for
   * names, its spelling key if unfamiliar); several give one phrase of primaries, skipping stop
   * words as indexing does, plus the German genitive of a name ("Kim Jong Uns").
   */
  private phraseTerms(text: string, isName: boolean): string[] {
    const tokens = tokenize(text).filter((t) => !this.isStopword(t));
    if (!tokens.length) return [];
    const words = tokens.map((t) => t.word);
    if (words.length > 1) {
      const phrase = words.map((w) => this.analyse(w).primary);
      if (!isName) return [phrase.join(' ')];
      const genitive = [...phrase.slice(0, -1), this.analyse(`${words[words.length - 1]}s`).primary];
      return unique([phrase.join(' '), genitive.join(' ')]);
    }
    const key = this.analyse(words[0]!).nameKey;
    return isName && key ? [...this.ownTerms(words[0]!), key] : this.ownTerms(words[0]!);
  }

  private analyse(word: string): WordAnalysis {
    const cached = this.wordCache.get(word);
    if (cached) return cached;
    const primary = germanStem(word);
    const isEnglish = this.isEnglish(word);
    const englishForm = isEnglish ? englishStem(word) : null;
    const german = this.lexicon.vocabulary.has(primary) || this.synonymsByStem.has(primary);
    const found = this.compoundParts(word, 1)?.filter((p) => p !== primary);
    // Most words are no compound: they share one empty list instead of a list each in the cache.
    const parts = found?.length ? found : NO_PARTS;
    const key = isEnglish || german || parts.length ? word : transliterationKey(word);
    const analysis: WordAnalysis = {
      primary,
      english: englishForm !== null && englishForm !== primary ? englishForm : null,
      german,
      parts,
      nameKey: key !== word && key !== primary ? key : null,
    };
    if (this.wordCache.size >= WORD_CACHE_SIZE) this.wordCache.clear();
    this.wordCache.set(word, analysis);
    return analysis;
  }

  /**
   * Stems of a German compound's parts, or null. Tries the longest known head first
   * (Militärgeheimdienst → militar + geheimdienst, not militargeheim + dienst); the modifier must be
   * known or, `depth` permitting, itself a compound. Linking letters (Kriegs-, Soldaten-) are the
   * endings the stemmer removes anyway, so stemming the modifier finds the vocabulary entry.
   */
  private compoundParts(word: string, depth: number): string[] | null {
    if (word.length < MIN_COMPOUND_LENGTH || word.length > MAX_COMPOUND_LENGTH || !/^[a-z]+$/.test(word)) return null;
    for (let i = MIN_MODIFIER_LENGTH; i <= word.length - MIN_HEAD_STEM_LENGTH; i++) {
      const headWord = word.slice(i);
      if (this.stopwords.has(headWord)) continue;
      const head = germanStem(headWord);
      if (head.length < MIN_HEAD_STEM_LENGTH || !this.isCompoundPart(head)) continue;
      const modifierWord = word.slice(0, i);
      if (this.stopwords.has(modifierWord)) continue;
      const modifier = germanStem(modifierWord);
      if (this.isCompoundPart(modifier)) return [modifier, head];
      const inner = depth > 0 ? this.compoundParts(modifierWord, depth - 1) : null;
      if (inner) return [...inner, head];
    }
    return null;
  }
}

/** Terms from `sources` in order, without repeats or empty terms, at most MAX_ALTERNATIVES. */
function capped(sources: Iterable<string>[]): string[] {
  const out = new Set<string>();
  for (const terms of sources) {
    for (const term of terms) {
      if (out.size >= MAX_ALTERNATIVES) return [...out];
      if (term) out.add(term);
    }
  }
  return [...out];
}

const NO_PARTS: readonly string[] = [];

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function unique<T>(items: T[]): T[] {
  return [...new Set(items)];
}

let shared: Analyzer | undefined;

/** The analyser over data/lexicon/, loaded on first use and shared (the lexicon is read-only). */
export function defaultAnalyzer(): Analyzer {
  shared ??= new Analyzer(loadLexicon());
  return shared;
}

/** An FTS5 string literal: the only special character inside double quotes is the quote itself. */
function quote(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

/**
 * The FTS5 MATCH expression of a plan: alternatives OR-ed inside a group, groups AND-ed, every term
 * quoted (so no user text is ever read as FTS5 syntax). With `literal`, only the alternatives that
 * stand for the words themselves. Null when the plan has no terms.
 */
export function toFtsMatch(plan: QueryPlan, { literal = false } = {}): string | null {
  const groups = plan.groups
    .map((g) => (literal ? g.terms.slice(0, g.literal) : g.terms).filter((t) => t.trim() !== '').map(quote))
    .filter((terms) => terms.length > 0)
    .map((terms) => (terms.length === 1 ? terms[0]! : `(${terms.join(' OR ')})`));
  return groups.length ? groups.join(' AND ') : null;
}
