/**
 * Compiles data/lexicon/ from two Debian packages:
 *   dict-freedict-eng-deu  (FreeDict English–German, GPL-3+)  → en-de.tsv.gz, part of vocabulary-de.txt.gz
 *   openthesaurus-de-text  (OpenThesaurus, LGPL-2.1+)          → synonyms-de.txt.gz, part of vocabulary-de.txt.gz
 * Keys are folded and values stemmed exactly as the analyser does at run time, so loading is a plain
 * read. Usage: apt-get install dict-freedict-eng-deu openthesaurus-de-text && npm run lexicon
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import { LEXICON_DIR, LEXICON_FILES, readWordList } from '../src/core/search/lexicon.ts';
import { tokenize } from '../src/core/search/normalize.ts';
import { englishStem, germanStem } from '../src/core/search/stem.ts';

const FREEDICT_INDEX = '/usr/share/dictd/freedict-eng-deu.index';
const FREEDICT_DATA = '/usr/share/dictd/freedict-eng-deu.dict.dz';
const OPENTHESAURUS = '/usr/share/openthesaurus-de/openthesaurus.txt';

/** Enough for the senses of a word without the long tail of rare ones. */
const MAX_TRANSLATIONS = 12;
/** Stems shorter than this make compound splitting guess ("Ei", "Ar"). */
const MIN_VOCABULARY_STEM = 3;

/** FreeDict usage labels of the fields news is about: they do not demote a translation. */
const NEWS_LABELS = new Set('mil. pol. jur. adm. econ. fin. soc. hist. relig. envir. geogr. transp. med.'.split(' '));

/** Labels of dated, rare, regional or slang words: these rank last. Any other label is a specialist field. */
const MARGINAL_LABELS = new Set(
  (
    'obs. veraltet veraltend dated selten rare poet. archaic humor. slang vulg. pej. Jugendsprache ' +
    'Ös. Schw. Bayr. Norddt. Süddt. Mitteldt. Westdt. Ostdt. Lux. Südtirol BW Austr. Sc. Ir. NZ'
  ).split(' '),
);

/** Plain and news-field translations first, then specialist fields, then dated or regional words. */
function labelRank(labels: string[]): number {
  if (labels.some((l) => MARGINAL_LABELS.has(l))) return 2;
  return labels.every((l) => NEWS_LABELS.has(l)) ? 0 : 1;
}

interface Item {
  text: string;
  labels: string[];
}

/** dictd offsets and lengths are base-64 numbers, most significant digit first. */
function base64Number(digits: string): number {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let n = 0;
  for (const d of digits) n = n * 64 + alphabet.indexOf(d);
  return n;
}

/** Splits at `separator` outside (), [], <>, {}; FreeDict puts commas inside tags ("<masc, fem>"). */
function splitTopLevel(line: string, separator: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if ('([<{'.includes(ch)) depth++;
    else if (')]>}'.includes(ch)) depth = Math.max(0, depth - 1);
    else if (ch === separator && depth === 0) {
      parts.push(line.slice(start, i));
      start = i + 1;
    }
  }
  parts.push(line.slice(start));
  return parts;
}

/** One comma-separated translation: its text before the first <tag>, and its [labels]. */
function parseItem(raw: string): Item {
  const labels = [...raw.matchAll(/\[([^[\]]*)\]/g)].map((m) => m[1]!.trim());
  const text = raw
    .replace(/^\s*(?:\[[^[\]]*\]\s*)+/, '')
    .split('<')[0]!
    .replace(/\([^()]*\)|\[[^[\]]*\]|\{[^{}]*\}/g, ' ')
    .trim();
  return { text, labels };
}

/** The single folded word of `text`, or null for phrases, abbreviations and fragments ("Wüsten…"). */
function singleWord(text: string): string | null {
  const bare = text.replace(/^sich\s+/, '');
  if (/[\s./…]/.test(bare) || bare.includes('-')) return null;
  const tokens = tokenize(bare);
  return tokens.length === 1 && /^\p{L}+$/u.test(tokens[0]!.word) ? tokens[0]!.word : null;
}

/** The words an entry is listed under: its headword and the inflected forms in parentheses. */
function entryHeads(firstLine: string): Set<string> {
  const head = firstLine.split(' /')[0]!.trim();
  const heads = new Set<string>();
  const folded = singleWord(head);
  if (folded) heads.add(folded);
  for (const m of firstLine.matchAll(/[(,]\s*([a-z]+) \//g)) heads.add(m[1]!);
  return heads;
}

/** German capitalises nouns and names, and only those, outside sentence starts: a dictionary form is one. */
function isNoun(text: string): boolean {
  return /^\p{Lu}/u.test(text.replace(/^sich\s+/, ''));
}

/**
 * Other forms of the same English word an entry refers to ("crimes … see: {crime}"): those its
 * "see:" list names that share the word's English stem. An inflected form then also gets the
 * base form's translations (crimes → Kriminalität), without unrelated references ("see: {escape}").
 */
function inflectionReferences(key: string, entry: string[]): string[] {
  const stem = englishStem(key);
  return entry
    .filter((line) => line.trimStart().startsWith('see:'))
    .flatMap((line) => [...line.matchAll(/\{([a-z]+)\}/g)].map((m) => m[1]!))
    .filter((form) => form !== key && englishStem(form) === stem);
}

function requireFile(path: string, pkg: string): void {
  if (!existsSync(path)) throw new Error(`${path} is missing: apt-get install ${pkg}`);
}

interface Candidate {
  stem: string;
  rank: number;
}

/** English word → German translation stems; English stop words are no keys, German ones no translations. */
function readFreeDict(englishStopwords: Set<string>, germanStopwords: Set<string>, vocabulary: Set<string>, lowercase: Set<string>): Map<string, string[]> {
  requireFile(FREEDICT_INDEX, 'dict-freedict-eng-deu');
  const data = gunzipSync(readFileSync(FREEDICT_DATA));
  const candidates = new Map<string, Candidate[]>();
  const relatedForms = new Map<string, Set<string>>();
  for (const line of readFileSync(FREEDICT_INDEX, 'utf8').split('\n')) {
    const [key, offset, length] = line.split('\t');
    if (!key || !offset || !length || !/^[a-z]+$/.test(key) || englishStopwords.has(key)) continue;
    const start = base64Number(offset);
    const entry = data.subarray(start, start + base64Number(length)).toString('utf8').split('\n');
    if (!entryHeads(entry[0] ?? '').has(key)) continue;
    for (const form of inflectionReferences(key, entry)) {
      const forms = relatedForms.get(key) ?? new Set();
      relatedForms.set(key, forms.add(form));
    }
    const items = splitTopLevel(entry[1] ?? '', ',').map(parseItem);
    items.forEach((item, position) => {
      addLowercase(item.text, lowercase);
      const word = singleWord(item.text);
      if (!word || germanStopwords.has(word)) return;
      const stem = germanStem(word);
      const rank = labelRank(item.labels);
      if (rank < 2 && isNoun(item.text) && stem.length >= MIN_VOCABULARY_STEM) vocabulary.add(stem);
      const list = candidates.get(key) ?? [];
      list.push({ stem, rank: rank * 1000 + position });
      candidates.set(key, list);
    });
  }
  const byRank = (list: Candidate[] | undefined) => [...(list ?? [])].sort((a, b) => a.rank - b.rank);
  const translations = new Map<string, string[]>();
  for (const [key, list] of candidates) {
    const own = new Set([germanStem(key), englishStem(key)]);
    const stems: string[] = [];
    const forms = [...(relatedForms.get(key) ?? [])];
    for (const { stem } of [...byRank(list), ...forms.flatMap((form) => byRank(candidates.get(form)))]) {
      if (!own.has(stem) && !stems.includes(stem)) stems.push(stem);
      if (stems.length === MAX_TRANSLATIONS) break;
    }
    if (stems.length) translations.set(key, stems);
  }
  return translations;
}

/**
 * Synonym sets of single words; phrases and fragments ("Deputat...") are dropped. Capitalised
 * members without a usage note ("(ugs.)", "(veraltet)") join the noun vocabulary.
 */
function readOpenThesaurus(stopwords: Set<string>, vocabulary: Set<string>, lowercase: Set<string>): string[][] {
  requireFile(OPENTHESAURUS, 'openthesaurus-de-text');
  const sets = new Map<string, string[]>();
  for (const line of readFileSync(OPENTHESAURUS, 'utf8').split('\n')) {
    if (line.startsWith('#')) continue;
    const stems: string[] = [];
    for (const member of line.split(';')) {
      const text = member.replace(/\([^()]*\)/g, ' ').trim();
      if (text.includes('...')) continue;
      addLowercase(text, lowercase);
      const word = singleWord(text);
      if (!word || stopwords.has(word)) continue;
      const stem = germanStem(word);
      if (isNoun(text) && !member.includes('(') && stem.length >= MIN_VOCABULARY_STEM) vocabulary.add(stem);
      if (!stems.includes(stem)) stems.push(stem);
    }
    if (stems.length >= 2) sets.set([...stems].sort().join(' '), stems);
  }
  return [...sets.values()];
}

/** A one-word entry written in lower case: an adverb, adjective, verb or particle ("weiterhin", "besorgt", "mindestens"). */
function addLowercase(text: string, lowercase: Set<string>): void {
  const word = text.replace(/^sich\s+/, '');
  if (/^\p{Ll}{2,}$/u.test(word)) lowercase.add(word);
}

/** Writes a gzipped text file (mtime 0 in the gzip header, so an unchanged build is byte-identical). */
function write(name: string, header: string, lines: string[]): number {
  const text = `${header
    .split('\n')
    .map((l) => `# ${l}`)
    .join('\n')}\n${lines.join('\n')}\n`;
  const gz = gzipSync(text, { level: 9 });
  writeFileSync(LEXICON_DIR + name, gz);
  return gz.length;
}

function main(): void {
  const germanStopwords = readWordList(LEXICON_FILES.germanStopwords);
  const vocabulary = new Set<string>();
  const lowercase = new Set<string>();
  const translations = readFreeDict(readWordList(LEXICON_FILES.englishStopwords), germanStopwords, vocabulary, lowercase);
  const synonyms = readOpenThesaurus(germanStopwords, vocabulary, lowercase);
  // A word also written as a noun ("leben" / "Leben") may be a subject, so it is no evidence against one.
  const notNouns = [...lowercase].filter((w) => !vocabulary.has(germanStem(w))).sort();
  const generated = 'Generated by scripts/build-lexicon.ts (npm run lexicon); do not edit. Sources and licences: README.md.';
  const sizes = [
    write(
      LEXICON_FILES.translations,
      `${generated}\nFreeDict eng-deu (GPL-3+): English word<TAB>German Snowball stems of its one-word translations, best first.`,
      [...translations].sort(([a], [b]) => (a < b ? -1 : 1)).map(([en, de]) => `${en}\t${de.join(' ')}`),
    ),
    write(
      LEXICON_FILES.synonyms,
      `${generated}\nOpenThesaurus (LGPL-2.1+): one synonym set per line, German Snowball stems of its one-word members.`,
      synonyms.map((set) => set.join(' ')).sort(),
    ),
    write(
      LEXICON_FILES.vocabulary,
      `${generated}\nFreeDict eng-deu and OpenThesaurus nouns (no dated, regional or slang ones): German Snowball stems, for compound splitting.`,
      [...vocabulary].sort(),
    ),
    write(
      LEXICON_FILES.notNouns,
      `${generated}\nFreeDict eng-deu and OpenThesaurus one-word entries written in lower case whose stem is no noun: a capital at a sentence start does not make them names.`,
      notNouns,
    ),
  ];
  console.log(
    `lexicon: ${translations.size} English words, ${synonyms.length} synonym sets, ${vocabulary.size} vocabulary stems, ${notNouns.length} lower-case words; ` +
      `${(sizes.reduce((a, b) => a + b, 0) / 1e6).toFixed(2)} MB gzipped`,
  );
}

main();
