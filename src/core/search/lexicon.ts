/**
 * The static lexicon under data/lexicon/: gzipped dictionary data compiled by
 * scripts/build-lexicon.ts, plus hand-kept stop word lists and newsroom.json. Read-only after loading.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { z } from 'zod';
import { foldText } from './normalize.ts';
import { PackedMap, PackedSet } from './packed.ts';

export const LEXICON_DIR = fileURLToPath(new URL('../../../data/lexicon/', import.meta.url));

/** Compiled files; their keys and stems are already folded (normalize.ts) and stemmed (stem.ts). */
export const LEXICON_FILES = {
  /** `english<TAB>stem stem …`: English word → German translation stems, best first. */
  translations: 'en-de.tsv.gz',
  /** One German synonym set per line, as stems separated by spaces. */
  synonyms: 'synonyms-de.txt.gz',
  /** German noun stems, one per line: the vocabulary for compound splitting. */
  vocabulary: 'vocabulary-de.txt.gz',
  /** German words the dictionaries write only in lower case: no name even when a sentence starts with them. */
  notNouns: 'not-nouns-de.txt.gz',
  germanStopwords: 'stopwords-de.txt',
  englishStopwords: 'stopwords-en.txt',
  newsroom: 'newsroom.json',
  /** Shared with claim extraction; its place names keep thesaurus noise off place queries. */
  gazetteer: 'attribution-gazetteer.json',
} as const;

const newsroomSchema = z.object({
  /** Spellings of one name; a spelling may have several words ("Kim Jong Un", "North Korea"). */
  names: z.array(z.array(z.string().min(1)).min(2)),
  /**
   * A topic the dictionaries do not tie together. `words` name the topic and expand to
   * `words` + `related`; `related` words only ever appear as expansions ("Flucht" alone is not desertion).
   */
  concepts: z.array(z.object({ words: z.array(z.string().min(1)).min(1), related: z.array(z.string().min(1)) })),
});

export type Newsroom = z.infer<typeof newsroomSchema>;

const gazetteerSchema = z.object({
  places: z.array(z.string().min(1)),
  givenNames: z.object({ m: z.array(z.string().min(1)), f: z.array(z.string().min(1)) }),
});

/**
 * The large dictionaries are packed (packed.ts) and their lists kept as space-separated text, split
 * where a query needs one: as Maps, Sets and arrays they were over a million heap objects, and
 * every full garbage collection of the bot visited them all (80 ms, which every question in flight
 * waited out).
 */
export interface Lexicon {
  /** English word → "stem stem …", German translation stems best first (`listOf` splits them). */
  translations: PackedMap;
  /** German synonym sets, each "stem stem …". */
  synonyms: readonly string[];
  vocabulary: PackedSet;
  germanStopwords: ReadonlySet<string>;
  englishStopwords: ReadonlySet<string>;
  newsroom: Newsroom;
  /** Folded place names ("wien", "kursk"), which the analyser does not expand through the dictionaries. */
  places: ReadonlySet<string>;
  /** Folded first names ("klaus", "angela"): with a surname after them, a topic names a person. */
  givenNames: ReadonlySet<string>;
}

/** The words of a space-separated list; none for a missing one. */
export function listOf(list: string | undefined): string[] {
  return list ? list.split(' ') : [];
}

/** Non-empty lines without `#` comments. */
function dataLines(text: string): string[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

/** Reads a lexicon file, gunzipping `.gz` ones. */
function readLexiconFile(name: string, dir: string = LEXICON_DIR): string {
  const bytes = readFileSync(dir + name);
  return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

export function readWordList(name: string, dir: string = LEXICON_DIR): Set<string> {
  return new Set(dataLines(readLexiconFile(name, dir)));
}

let sharedNounStems: PackedSet | undefined;

/** The German noun stems of the shipped lexicon, read once for the analyser and the claim extractor alike. */
export function germanNounStems(): PackedSet {
  sharedNounStems ??= new PackedSet(readWordList(LEXICON_FILES.vocabulary));
  return sharedNounStems;
}

export function loadLexicon(dir: string = LEXICON_DIR): Lexicon {
  const translations: [string, string][] = [];
  for (const line of dataLines(readLexiconFile(LEXICON_FILES.translations, dir))) {
    const tab = line.indexOf('\t');
    if (tab > 0) translations.push([line.slice(0, tab), line.slice(tab + 1)]);
  }
  const gazetteer = gazetteerSchema.parse(JSON.parse(readLexiconFile(LEXICON_FILES.gazetteer, dir)));
  return {
    translations: PackedMap.fromEntries(translations),
    synonyms: dataLines(readLexiconFile(LEXICON_FILES.synonyms, dir)),
    vocabulary: dir === LEXICON_DIR ? germanNounStems() : new PackedSet(readWordList(LEXICON_FILES.vocabulary, dir)),
    germanStopwords: readWordList(LEXICON_FILES.germanStopwords, dir),
    englishStopwords: readWordList(LEXICON_FILES.englishStopwords, dir),
    newsroom: newsroomSchema.parse(JSON.parse(readLexiconFile(LEXICON_FILES.newsroom, dir))),
    places: new Set(gazetteer.places.map(foldText)),
    givenNames: new Set([...gazetteer.givenNames.m, ...gazetteer.givenNames.f].map(foldText)),
  };
}
