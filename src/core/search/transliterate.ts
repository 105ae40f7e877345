/**
 * A lossy spelling key for names romanised from Russian and Ukrainian, where German and English
 * spell the same sound differently: Selenskyj / Zelensky / Zelenskyy / Selenski, Brjansk / Bryansk,
 * Charkiw / Kharkiv, Donezk / Donetsk, Saporischschja / Zaporizhzhia, Schoigu / Shoigu,
 * Pjöngjang / Pyongyang. Both spellings reduce to one key ("selensky", "bryansk", "charkiv", …),
 * which indexing stores for capitalised words no dictionary knows, and querying adds for such words.
 * Names the rules cannot reach (Kiew / Kyiv, Moskau / Moscow) are listed in newsroom.json.
 */

/** Rewrites applied in order to the folded word; each is a plain substring replacement. */
const REWRITES: ReadonlyArray<readonly [string, string]> = [
  ['tsch', 'ch'], // Tschernihiw / Chernihiv
  ['sch', 'sh'], // Schoigu / Shoigu, Lukaschenko / Lukashenko
  ['kh', 'ch'], // Kharkiv / Charkiw
  ['zh', 'sh'], // Zhukov / Schukow, Zaporizhzhia / Saporischschja
  ['j', 'y'], // Brjansk / Bryansk, Pjöngjang / Pyongyang
  ['w', 'v'], // Lawrow / Lavrov, Charkiw / Kharkiv
  ['ts', 's'], // Donetsk / Donezk (German z is "ts")
  ['tz', 's'],
  ['z', 's'], // Zelensky / Selenskyj (German s before a vowel is English z)
];

/** Word endings unified after the rewrites: -iy, -yi, -i all become -y; -ia becomes -ya. */
const ENDINGS: ReadonlyArray<readonly [string, string]> = [
  ['iy', 'y'],
  ['yi', 'y'],
  ['ia', 'ya'],
  ['i', 'y'],
];

const MIN_KEY_LENGTH = 3;
/** The genitive "s" is only dropped from words longer than this. */
const MIN_GENITIVE_LENGTH = 4;

/** Drops a letter repeated right after itself, then a repeated "sh" ("shsh" from "schsch"). */
function collapseRepeats(word: string): string {
  let out = '';
  for (const ch of word) if (out[out.length - 1] !== ch) out += ch;
  return out.replaceAll('shsh', 'sh');
}

/**
 * The spelling key of a folded word, or the word itself when it has non-Latin letters or digits or
 * is too short to carry a name. A trailing "s" is dropped after the rewrites (German genitive:
 * "Selenskyjs", "Lukaschenkos"), so "Donez" and "Donets" still agree.
 */
export function transliterationKey(word: string): string {
  if (word.length < MIN_KEY_LENGTH || /[^a-z]/.test(word)) return word;
  let key = word;
  for (const [from, to] of REWRITES) if (key.includes(from)) key = key.replaceAll(from, to);
  key = collapseRepeats(key);
  if (key.length > MIN_GENITIVE_LENGTH && key.endsWith('s')) key = key.slice(0, -1);
  for (const [from, to] of ENDINGS) {
    if (key.endsWith(from)) {
      key = key.slice(0, -from.length) + to;
      break;
    }
  }
  return key;
}
